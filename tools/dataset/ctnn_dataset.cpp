// ctnn-dataset: a CSV or IDX data file -> a C++ header of constexpr ctnn::datasets (train and
// test parts), class names and scaling constants. See tools/dataset/README.md, and
// cmake/ctnn-dataset.cmake for ctnn_add_dataset(), which runs it at build time.
//
// Exit status: 0 written; 1 bad data (the message says file:line:column or file:byte N);
// 2 bad command line. On any error no output file is left: the header is written to a
// temporary file next to it and renamed at the end, and a previous header is removed, so that
// a build cannot go on with data that no longer matches its file.
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "csv_samples.hpp"
#include "error.hpp"
#include "idx.hpp"
#include "labels.hpp"
#include "read_file.hpp"
#include "samples.hpp"
#include "split_scale.hpp"
#include "write_header.hpp"

namespace ctnn_dataset {
namespace {

constexpr const char* usage_text = R"(usage: ctnn-dataset --input FILE --output HEADER --namespace NS [options]

  --format csv|idx          the input's format (default csv); gzip-compressed files are read as well
  --labels FILE             idx: the labels file that goes with the images file --input
  --test-input FILE         take the test part from this file (and --test-labels FILE for idx)
                            instead of splitting --input
  --header                  csv: the first row names the columns
  --skip-lines N            csv: ignore the first N lines (before any header)
  --delimiter C             csv: the field separator (default ,)
  --input-columns LIST      csv: input columns: 0-based indices, ranges a-b, or header names
                            (default: every column that is not a target)
  --target-columns LIST     csv: the label column, or regression target columns (default: the last)
  --target classes|regression   one-hot class targets (default) or the target columns' values
  --label-type string|integer   how labels are read (default string; idx labels are integers)
  --class-names A,B,...     the classes in output order; labels must be these names (string) or
                            0..K-1 (integer). Without it: integer labels are sorted numerically,
                            string labels keep their order of first appearance (--class-order)
  --class-order appearance|sorted   string labels without --class-names (default appearance)
  --test-fraction F         test part = ceil(F * n) samples (default 0.2; 0 for no test part)
  --test-count K            test part = K samples
  --seed S                  the split's numpy RandomState seed (default 0)
  --scale none|standardize|min-max|divide:D   (default none); statistics from the training part
  --first K                 use only the first K samples (rows or images) of --input
  --test-first K            the same for --test-input (default: all)
  --crop B                  idx: remove B pixels from each side of every image (28x28 -> 22x22 for 3)
  --storage doubles|bytes   bytes: inputs as raw 0..255 values, scaled while the header compiles
  --parts both|train|test   which parts the header holds (default both); the split and the
                            scaling are the same either way, so a large training part and its
                            test part can live in headers that different translation units include
)";

struct options {
    std::string format = "csv";
    std::string input, labels, test_input, test_labels, output, ns;
    csv_options csv;
    bool regression = false;
    label_type labels_as = label_type::string;
    bool label_type_given = false;
    std::vector<std::string> class_names;
    class_order order = class_order::appearance;
    std::optional<double> test_fraction;
    std::optional<std::size_t> test_count;
    std::uint32_t seed = 0;
    scaling_spec scale;
    std::size_t first = 0, test_first = 0, crop = 0;
    storage store = storage::doubles;
    std::string parts = "both";
    std::vector<std::string> recorded;  // the command line for the header, file names without directories
};

std::size_t to_size(const std::string& option, const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        throw usage_error(option + ": \"" + text + "\" is not a non-negative integer");
    errno = 0;
    const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
    if (errno != 0) throw usage_error(option + ": \"" + text + "\" is too large");
    return static_cast<std::size_t>(v);
}

double to_double(const std::string& option, const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(v))
        throw usage_error(option + ": \"" + text + "\" is not a finite number");
    return v;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        out.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

options parse_options(int argc, char** argv) {
    options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t k = 0; k < args.size(); ++k) {
        std::string name = args[k];
        std::optional<std::string> value;
        if (const std::size_t eq = name.find('='); name.starts_with("--") && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        auto flag = [&] {
            if (value) throw usage_error(name + " takes no value");
            o.recorded.push_back(name);
        };
        auto next = [&](bool is_path = false) {
            if (!value) {
                if (k + 1 >= args.size()) throw usage_error(name + " needs a value");
                value = args[++k];
            }
            if (name != "--output") {
                o.recorded.push_back(name);
                o.recorded.push_back(is_path ? std::filesystem::path(*value).filename().string() : *value);
            }
            return *value;
        };
        if (name == "--help" || name == "-h") {
            std::cout << usage_text;
            std::exit(0);
        } else if (name == "--format") {
            o.format = next();
            if (o.format != "csv" && o.format != "idx") throw usage_error("--format: csv or idx, not " + o.format);
        } else if (name == "--input") {
            o.input = next(true);
        } else if (name == "--labels") {
            o.labels = next(true);
        } else if (name == "--test-input") {
            o.test_input = next(true);
        } else if (name == "--test-labels") {
            o.test_labels = next(true);
        } else if (name == "--output") {
            o.output = next();
        } else if (name == "--namespace") {
            o.ns = next();
        } else if (name == "--header") {
            flag();
            o.csv.header = true;
        } else if (name == "--skip-lines") {
            o.csv.skip_lines = to_size(name, next());
        } else if (name == "--delimiter") {
            const std::string d = next();
            if (d.size() != 1 || d == "\"" || d == "\n" || d == "\r")
                throw usage_error("--delimiter: one character other than a quote or a line end");
            o.csv.delimiter = d[0];
        } else if (name == "--input-columns") {
            o.csv.inputs = next();
        } else if (name == "--target-columns") {
            o.csv.target = next();
        } else if (name == "--target") {
            const std::string t = next();
            if (t != "classes" && t != "regression") throw usage_error("--target: classes or regression, not " + t);
            o.regression = t == "regression";
        } else if (name == "--label-type") {
            const std::string t = next();
            if (t != "string" && t != "integer") throw usage_error("--label-type: string or integer, not " + t);
            o.labels_as = t == "integer" ? label_type::integer : label_type::string;
            o.label_type_given = true;
        } else if (name == "--class-names") {
            o.class_names = split_commas(next());
            for (const std::string& c : o.class_names) {
                if (c.empty()) throw usage_error("--class-names: an empty name");
                if (std::count(o.class_names.begin(), o.class_names.end(), c) > 1)
                    throw usage_error("--class-names: \"" + c + "\" is named twice");
            }
        } else if (name == "--class-order") {
            const std::string t = next();
            if (t != "appearance" && t != "sorted") throw usage_error("--class-order: appearance or sorted, not " + t);
            o.order = t == "sorted" ? class_order::sorted : class_order::appearance;
        } else if (name == "--test-fraction") {
            const std::string text = next();
            o.test_fraction = to_double(name, text);
            if (*o.test_fraction < 0 || *o.test_fraction >= 1)
                throw usage_error("--test-fraction: must be at least 0 and less than 1");
        } else if (name == "--test-count") {
            o.test_count = to_size(name, next());
        } else if (name == "--seed") {
            const std::size_t s = to_size(name, next());
            if (s > 0xffffffffu) throw usage_error("--seed: numpy's RandomState seeds are below 2^32");
            o.seed = static_cast<std::uint32_t>(s);
        } else if (name == "--scale") {
            const std::string t = next();
            using ctnn::scaling_method;
            if (t == "none")
                o.scale.method = scaling_method::none;
            else if (t == "standardize")
                o.scale.method = scaling_method::standardize;
            else if (t == "min-max")
                o.scale.method = scaling_method::min_max;
            else if (t.starts_with("divide:")) {
                o.scale.method = scaling_method::divide;
                o.scale.divisor = to_double("--scale divide:D", t.substr(7));
                if (o.scale.divisor == 0) throw usage_error("--scale divide:D: D must not be 0");
            } else {
                throw usage_error("--scale: none, standardize, min-max or divide:D, not " + t);
            }
        } else if (name == "--first") {
            o.first = to_size(name, next());
            if (o.first == 0) throw usage_error("--first: at least 1");
        } else if (name == "--test-first") {
            o.test_first = to_size(name, next());
            if (o.test_first == 0) throw usage_error("--test-first: at least 1");
        } else if (name == "--crop") {
            o.crop = to_size(name, next());
        } else if (name == "--parts") {
            o.parts = next();
            if (o.parts != "both" && o.parts != "train" && o.parts != "test")
                throw usage_error("--parts: both, train or test, not " + o.parts);
        } else if (name == "--storage") {
            const std::string t = next();
            if (t != "doubles" && t != "bytes") throw usage_error("--storage: doubles or bytes, not " + t);
            o.store = t == "bytes" ? storage::bytes : storage::doubles;
        } else {
            throw usage_error("unknown option " + name);
        }
    }
    if (o.input.empty()) throw usage_error("--input is required");
    if (o.output.empty()) throw usage_error("--output is required");
    if (o.ns.empty()) throw usage_error("--namespace is required");
    // A C++ namespace name: identifiers joined by ::.
    for (const std::string& part : [&] {
             std::vector<std::string> parts;
             std::size_t start = 0;
             for (std::size_t at; (at = o.ns.find("::", start)) != std::string::npos; start = at + 2)
                 parts.push_back(o.ns.substr(start, at - start));
             parts.push_back(o.ns.substr(start));
             return parts;
         }()) {
        const bool ok = !part.empty() && (std::isalpha(static_cast<unsigned char>(part[0])) || part[0] == '_') &&
                        part.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
                            std::string::npos;
        if (!ok) throw usage_error("--namespace: \"" + o.ns + "\" is not a C++ namespace name");
    }
    if (o.format == "idx") {
        if (o.labels.empty() && !o.regression) throw usage_error("--format idx needs --labels FILE");
        if (!o.test_input.empty() && o.test_labels.empty())
            throw usage_error("--test-input with idx needs --test-labels");
        if (o.regression) throw usage_error("--format idx: IDX labels are classes (--target classes)");
        if (o.label_type_given && o.labels_as != label_type::integer)
            throw usage_error("--format idx: IDX labels are integers");
        o.labels_as = label_type::integer;
    } else {
        if (!o.labels.empty() || !o.test_labels.empty()) throw usage_error("--labels is for --format idx");
        if (o.crop != 0) throw usage_error("--crop is for --format idx");
    }
    if (o.test_fraction && o.test_count) throw usage_error("give --test-fraction or --test-count, not both");
    if (!o.test_input.empty() && (o.test_fraction || o.test_count))
        throw usage_error("--test-input gives the test part: no --test-fraction or --test-count");
    if (o.test_input.empty() && o.test_first != 0) throw usage_error("--test-first is for --test-input");
    if (o.regression && (!o.class_names.empty() || o.label_type_given))
        throw usage_error("--class-names and --label-type are for --target classes");
    return o;
}

std::string shortest(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

std::string hex32(unsigned long v) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08lx", v);
    return buffer;
}

std::string provenance(const std::string& path, const file_contents& f) {
    return std::filesystem::path(path).filename().string() + ": " + std::to_string(f.bytes.size()) + " bytes" +
           (f.gzip ? " (decompressed)" : "") + ", CRC-32 " + hex32(f.crc32);
}

samples read_idx_samples(const std::string& images_path, const std::string& labels_path, std::size_t first,
                         std::size_t crop, std::vector<std::string>& prov) {
    const file_contents images_file = read_file(images_path);
    const file_contents labels_file = read_file(labels_path);
    prov.push_back(provenance(images_path, images_file));
    prov.push_back(provenance(labels_path, labels_file));
    const idx_array images = read_idx(images_path, images_file.bytes, first);
    const idx_array labels = read_idx(labels_path, labels_file.bytes, first);
    if (labels.dims.size() != 1)
        fail_at_byte(labels_path, 3, "a labels file has one dimension, this one " + std::to_string(labels.dims.size()));
    if (!labels.integral) fail_at_byte(labels_path, 2, "labels must be integers, not floating-point values");
    if (labels.items_in_file != images.items_in_file)
        fail_at_byte(labels_path, 4,
                     "the labels file has " + std::to_string(labels.items_in_file) + " labels, but " +
                         std::filesystem::path(images_path).filename().string() + " has " +
                         std::to_string(images.items_in_file) + " images");
    const std::size_t n = images.dims[0];
    std::size_t per_item = images.values.size() / n;
    samples out;
    if (crop == 0) {
        out.x = images.values;
        out.inputs = per_item;
    } else {
        if (images.dims.size() != 3)
            throw usage_error("--crop needs images of two dimensions; " + images_path + " has items of " +
                              std::to_string(images.dims.size() - 1));
        const std::size_t rows = images.dims[1], cols = images.dims[2];
        if (2 * crop >= rows || 2 * crop >= cols)
            throw usage_error("--crop " + std::to_string(crop) + " leaves nothing of " + std::to_string(rows) + "x" +
                              std::to_string(cols) + " images");
        const std::size_t out_rows = rows - 2 * crop, out_cols = cols - 2 * crop;
        out.inputs = out_rows * out_cols;
        out.x.reserve(n * out.inputs);
        for (std::size_t s = 0; s < n; ++s)
            for (std::size_t r = crop; r < rows - crop; ++r)
                for (std::size_t c = crop; c < cols - crop; ++c)
                    out.x.push_back(images.values[s * per_item + r * cols + c]);
    }
    const std::string label_name = std::filesystem::path(labels_path).filename().string();
    for (std::size_t s = 0; s < n; ++s) {
        const double v = labels.values[s];
        out.labels.push_back({std::to_string(static_cast<long long>(v)),
                              labels_path + ":byte " + std::to_string(labels.data_offset + s * labels.value_size)});
    }
    return out;
}

samples read_samples(const options& o, const std::string& path, const std::string& labels_path, std::size_t first,
                     std::vector<std::string>& prov) {
    if (o.format == "idx") return read_idx_samples(path, labels_path, first, o.crop, prov);
    const file_contents f = read_file(path);
    prov.push_back(provenance(path, f));
    csv_options c = o.csv;
    c.regression = o.regression;
    c.first = first;
    return read_csv_samples(path, f.bytes, c);
}

part make_part(const std::string& name, const samples& s, const std::vector<std::size_t>& rows,
               const class_labels* classes, std::size_t label_offset, std::size_t outputs) {
    part p;
    p.name = name;
    p.rows = rows;
    p.x.reserve(rows.size() * s.inputs);
    p.y.reserve(rows.size() * outputs);
    for (std::size_t r : rows) {
        p.x.insert(p.x.end(), s.x.begin() + static_cast<std::ptrdiff_t>(r * s.inputs),
                   s.x.begin() + static_cast<std::ptrdiff_t>((r + 1) * s.inputs));
        if (classes != nullptr) {
            const std::size_t k = classes->index[label_offset + r];
            p.labels.push_back(k);
            for (std::size_t j = 0; j < outputs; ++j) p.y.push_back(j == k ? 1.0 : 0.0);
        } else {
            p.y.insert(p.y.end(), s.y.begin() + static_cast<std::ptrdiff_t>(r * outputs),
                       s.y.begin() + static_cast<std::ptrdiff_t>((r + 1) * outputs));
        }
    }
    return p;
}

void write_atomically(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp.XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, std::string("cannot create a temporary file next to it: ") + std::strerror(errno));
    // mkstemp creates the file for its owner only; a header is as readable as any new file.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    std::FILE* out = ::fdopen(fd, "wb");
    bool ok = out != nullptr && std::fwrite(text.data(), 1, text.size(), out) == text.size();
    ok = (out != nullptr && std::fclose(out) == 0) && ok;
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(temp.c_str());
        fail(path, "cannot write: " + why);
    }
}

int run(const options& o) {
    std::vector<std::string> prov;
    const samples train_file = read_samples(o, o.input, o.labels, o.first, prov);
    std::optional<samples> test_file;
    if (!o.test_input.empty()) {
        test_file = read_samples(o, o.test_input, o.test_labels, o.test_first, prov);
        if (test_file->inputs != train_file.inputs)
            fail(o.test_input, "its samples have " + std::to_string(test_file->inputs) + " inputs, " +
                                   std::filesystem::path(o.input).filename().string() + "'s have " +
                                   std::to_string(train_file.inputs));
    }
    header_contents h;
    h.ns = o.ns;
    h.inputs = train_file.inputs;
    h.input_names = train_file.input_names;
    h.classification = !o.regression;
    h.store = o.store;
    std::optional<class_labels> classes;
    if (!o.regression) {
        std::vector<raw_label> all = train_file.labels;
        if (test_file) all.insert(all.end(), test_file->labels.begin(), test_file->labels.end());
        classes = resolve_labels(all, o.labels_as, o.class_names, o.order);
        h.class_names = classes->names;
        h.outputs = classes->names.size();
    } else {
        h.outputs = train_file.outputs;
    }
    const std::size_t n = train_file.count();
    std::vector<std::size_t> train_rows, test_rows;
    if (test_file) {
        for (std::size_t r = 0; r < n; ++r) train_rows.push_back(r);
        for (std::size_t r = 0; r < test_file->count(); ++r) test_rows.push_back(r);
    } else {
        std::size_t k =
            o.test_count ? *o.test_count
                         : static_cast<std::size_t>(std::ceil(o.test_fraction.value_or(0.2) * static_cast<double>(n)));
        if (k >= n)
            fail(o.input, "a test part of " + std::to_string(k) + " samples leaves no training samples (the file has " +
                              std::to_string(n) + ")");
        const std::vector<std::size_t> perm = numpy_permutation(n, o.seed);
        test_rows.assign(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(k));
        train_rows.assign(perm.begin() + static_cast<std::ptrdiff_t>(k), perm.end());
        h.split = true;
        h.seed = o.seed;
    }
    h.parts.push_back(make_part("train", train_file, train_rows, classes ? &*classes : nullptr, 0, h.outputs));
    if (!test_rows.empty()) {
        const samples& source = test_file ? *test_file : train_file;
        h.parts.push_back(
            make_part("test", source, test_rows, classes ? &*classes : nullptr, test_file ? n : 0, h.outputs));
    }
    h.scaling = compute_scaling(h.parts[0].x, h.inputs, o.scale);
    if (o.store == storage::bytes) {
        for (const part& p : h.parts) {
            for (std::size_t k = 0; k < p.x.size(); ++k) {
                const double v = p.x[k];
                if (!(v >= 0 && v <= 255 && v == std::floor(v)))
                    fail(o.input, "--storage bytes needs inputs that are integers 0 to 255, but sample " +
                                      std::to_string(p.rows[k / h.inputs]) + "'s input " +
                                      std::to_string(k % h.inputs) + " is " + shortest(v));
            }
        }
    }
    if (o.parts == "test" && h.parts.size() < 2) throw usage_error("--parts test, but there is no test part");
    if (o.parts == "train") h.parts.resize(1);
    if (o.parts == "test") h.parts.erase(h.parts.begin());
    std::string command = "ctnn-dataset";
    for (const std::string& a : o.recorded) command += " " + a;
    h.provenance.push_back(command);
    for (const std::string& p : prov) h.provenance.push_back(p);
    write_atomically(o.output, write_header(h));
    return 0;
}

}  // namespace
}  // namespace ctnn_dataset

int main(int argc, char** argv) {
    using namespace ctnn_dataset;
    // Known before the command line is checked, so that any failure removes the header of an
    // earlier run: it no longer matches what the build asks for.
    std::string output;
    for (int k = 1; k < argc; ++k) {
        const std::string a = argv[k];
        if (a == "--output" && k + 1 < argc) output = argv[k + 1];
        if (a.starts_with("--output=")) output = a.substr(9);
    }
    int status = 0;
    try {
        return run(parse_options(argc, argv));
    } catch (const usage_error& e) {
        std::cerr << "ctnn-dataset: error: " << e.what() << "\n(ctnn-dataset --help lists the options)\n";
        status = 2;
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        status = 1;
    }
    if (!output.empty()) std::remove(output.c_str());
    return status;
}
