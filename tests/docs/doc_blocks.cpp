// ctnn_doc_blocks: keeps README.md and docs/*.md honest.
//
//   ctnn_doc_blocks extract <page.md> <out-dir> <stem>
//       writes every code block the page claims compiles, as <out-dir>/<stem>_<n>.cpp
//       (n = 1, 2, ... in page order), each starting with a #line that points back at
//       the page, so that a compiler error names the page and its line
//   ctnn_doc_blocks check <source-root> <page.md>...
//       fails unless every relative link and image of every page resolves (a file or
//       directory under the page's own directory, and a heading for a #fragment), and
//       every block marked same-as is, verbatim, part of the file it names
//
// A page claims a block with an HTML comment (invisible when rendered) on the line
// right before the block's ```cpp fence:
//   <!-- ctnn-docs: compile -->      a translation unit: built with ctnn::ctnn
//   <!-- ctnn-docs: run -->          a program: built and run; exit code 0 passes
//   <!-- ctnn-docs: same-as examples/readme_example.cpp -->
//                                    a copy of part of a file the build already compiles
//                                    (also before a ```cmake fence: lines of a CMakeLists.txt)
// and, before a ```text fence,
//   <!-- ctnn-docs: tree -->         a file tree: one name per line, two spaces of indent
//                                    per level, directories ending in '/', then (after
//                                    two spaces or more) a description; every path must
//                                    exist in the source tree
// Blocks without a marker are illustrations (fragments, generated output) and are not
// checked. tests/docs/CMakeLists.txt counts the compile/run markers with the same regex.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct block {
    std::string kind;    // compile, run, same-as
    std::string target;  // same-as: the file, relative to the source root
    std::size_t marker_line;
    std::size_t first_line;  // the first line of code (1-based)
    std::string code;
};

struct page {
    fs::path path;
    std::vector<std::string> lines;
};

int failures = 0;

void fail(const page& p, std::size_t line, const std::string& what) {
    std::fprintf(stderr, "%s:%zu: %s\n", p.path.string().c_str(), line, what.c_str());
    ++failures;
}

std::optional<page> read_page(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    page p{path, {}};
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        p.lines.push_back(line);
    }
    return p;
}

bool is_fence(const std::string& line) { return line.rfind("```", 0) == 0; }

// Exactly these spellings: tests/docs/CMakeLists.txt finds the compile and run markers
// with the same regular expression, and the two must count the same blocks.
const std::regex marker_re(R"(^<!-- ctnn-docs: (compile|run|tree|same-as ([^ ]+)) -->$)");

std::vector<block> marked_blocks(const page& p) {
    std::vector<block> out;
    bool in_code = false;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        if (is_fence(p.lines[i])) {
            in_code = !in_code;
            continue;
        }
        if (in_code || p.lines[i].rfind("<!-- ctnn-docs:", 0) != 0) continue;
        std::smatch m;
        if (!std::regex_match(p.lines[i], m, marker_re)) {
            fail(p, i + 1, "not a ctnn-docs marker: compile, run, tree or same-as <file>, spelt exactly");
            continue;
        }
        block b{m[2].matched ? "same-as" : std::string(m[1]), m[2], i + 1, i + 3, {}};
        // A same-as block may also be CMake: the lines a page shows of a CMakeLists.txt.
        const std::string fence = b.kind == "tree" ? "```text" : "```cpp";
        const bool cmake_same_as = b.kind == "same-as" && i + 1 < p.lines.size() && p.lines[i + 1] == "```cmake";
        if (i + 1 >= p.lines.size() || (p.lines[i + 1] != fence && !cmake_same_as)) {
            fail(p, i + 1, "this ctnn-docs marker must sit right before a " + fence + " fence");
            continue;
        }
        std::size_t j = i + 2;
        for (; j < p.lines.size() && !is_fence(p.lines[j]); ++j) b.code += p.lines[j] + "\n";
        if (j == p.lines.size()) {
            fail(p, i + 2, "the code block never ends");
            continue;
        }
        out.push_back(b);
        i = j;
    }
    return out;
}

int extract(const fs::path& page_path, const fs::path& out_dir, const std::string& stem) {
    const auto p = read_page(page_path);
    if (!p) {
        std::fprintf(stderr, "ctnn_doc_blocks: cannot read %s\n", page_path.string().c_str());
        return 1;
    }
    fs::create_directories(out_dir);
    std::size_t n = 0;
    for (const auto& b : marked_blocks(*p)) {
        if (b.kind != "compile" && b.kind != "run") continue;
        const fs::path file = out_dir / (stem + "_" + std::to_string(++n) + ".cpp");
        std::ostringstream text;
        text << "#line " << b.first_line << " \"" << page_path.generic_string() << "\"\n" << b.code;
        // Rewritten only when it changes, so that an edit elsewhere on the page does not
        // rebuild every block.
        std::ifstream old(file, std::ios::binary);
        const std::string before{std::istreambuf_iterator<char>(old), std::istreambuf_iterator<char>()};
        if (before != text.str()) std::ofstream(file, std::ios::binary) << text.str();
    }
    return failures == 0 ? 0 : 1;
}

// --- links ------------------------------------------------------------------------------

// The anchors GitHub gives a page's headings: lower-cased, punctuation dropped, spaces
// turned into hyphens, "-1", "-2", ... appended to repeats.
std::string slug(const std::string& heading) {
    std::string s;
    for (std::size_t i = 0; i < heading.size(); ++i) {
        const auto c = static_cast<unsigned char>(heading[i]);
        if (c < 0x80) {
            if (std::isalnum(c) || c == '-' || c == '_')
                s += static_cast<char>(std::tolower(c));
            else if (c == ' ')
                s += '-';
            continue;
        }
        // A UTF-8 sequence: letters stay, punctuation and symbols go (U+00A0-U+00BF,
        // U+00D7, U+00F7, and U+2000-U+2BFF: dashes, quotes, arrows, mathematical signs).
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        len = std::min(len, heading.size() - i);
        const std::string seq = heading.substr(i, len);
        i += len - 1;
        unsigned code = 0;
        if (len == 2) code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(seq[1]) & 0x3Fu);
        if (len == 3)
            code = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(seq[1]) & 0x3Fu) << 6) |
                   (static_cast<unsigned char>(seq[2]) & 0x3Fu);
        const bool symbol = (code >= 0xA0 && code <= 0xBF) || code == 0xD7 || code == 0xF7 ||
                            (code >= 0x2000 && code <= 0x2BFF);
        if (!symbol) s += seq;
    }
    return s;
}

// Text of a heading line without the markdown of links and code spans.
std::string heading_text(std::string h) {
    h = std::regex_replace(h, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
    h.erase(std::remove(h.begin(), h.end(), '`'), h.end());
    h.erase(std::remove(h.begin(), h.end(), '*'), h.end());
    while (!h.empty() && h.back() == ' ') h.pop_back();
    return h;
}

std::set<std::string> anchors(const page& p) {
    std::set<std::string> out;
    std::map<std::string, int> seen;
    bool in_code = false;
    const std::regex heading_re(R"(^#{1,6} +(.*)$)");
    for (const auto& line : p.lines) {
        if (is_fence(line)) in_code = !in_code;
        std::smatch m;
        if (in_code || !std::regex_match(line, m, heading_re)) continue;
        const std::string base = slug(heading_text(m[1]));
        const int n = seen[base]++;
        out.insert(n == 0 ? base : base + "-" + std::to_string(n));
    }
    return out;
}

// A line with its code spans blanked out, so that `[a](b)` in code is not a link.
std::string without_code_spans(const std::string& line) {
    std::string s = line;
    bool in = false;
    for (char& c : s) {
        if (c == '`') in = !in;
        else if (in) c = ' ';
    }
    return s;
}

struct link {
    std::size_t line;
    std::string target;
};

std::vector<link> links(const page& p) {
    std::vector<link> out;
    bool in_code = false;
    const std::regex inline_re(R"re(\]\(([^)\s]+)(?:\s+"[^"]*")?\))re");
    const std::regex reference_re(R"(^\s*\[[^\]]+\]:\s*(\S+))");
    const std::regex html_re(R"re((?:src|href)="([^"]+)")re");
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        if (is_fence(p.lines[i])) in_code = !in_code;
        if (in_code) continue;
        const std::string line = without_code_spans(p.lines[i]);
        for (const auto* re : {&inline_re, &html_re})
            for (std::sregex_iterator it(line.begin(), line.end(), *re), end; it != end; ++it)
                out.push_back({i + 1, (*it)[1]});
        std::smatch m;
        if (std::regex_search(line, m, reference_re)) out.push_back({i + 1, m[1]});
    }
    return out;
}

void check_links(const page& p, const fs::path& root, std::map<fs::path, std::set<std::string>>& anchor_cache) {
    for (const auto& l : links(p)) {
        const std::string& t = l.target;
        if (t.rfind("http://", 0) == 0 || t.rfind("https://", 0) == 0 || t.rfind("mailto:", 0) == 0) continue;
        const auto hash = t.find('#');
        const std::string file = t.substr(0, hash);
        const fs::path target = file.empty() ? p.path : (p.path.parent_path() / file).lexically_normal();
        if (!fs::exists(target)) {
            fail(p, l.line, "link to a file that does not exist: " + t);
            continue;
        }
        const auto rel = fs::relative(fs::weakly_canonical(target), fs::weakly_canonical(root));
        if (rel.empty() || *rel.begin() == "..") fail(p, l.line, "link out of the source tree: " + t);
        if (hash == std::string::npos) continue;
        if (target.extension() != ".md") {
            fail(p, l.line, "a #fragment on a file that is not a markdown page: " + t);
            continue;
        }
        auto it = anchor_cache.find(target);
        if (it == anchor_cache.end()) {
            const auto other = read_page(target);
            it = anchor_cache.emplace(target, other ? anchors(*other) : std::set<std::string>{}).first;
        }
        if (!it->second.contains(t.substr(hash + 1)))
            fail(p, l.line, "no heading in " + target.filename().string() + " for the anchor #" + t.substr(hash + 1));
    }
}

void check_same_as(const page& p, const fs::path& root, const std::vector<block>& blocks) {
    for (const auto& b : blocks) {
        if (b.kind != "same-as") continue;
        std::ifstream in(root / b.target, std::ios::binary);
        if (!in) {
            fail(p, b.marker_line, "same-as names a file that does not exist: " + b.target);
            continue;
        }
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (text.find(b.code) == std::string::npos)
            fail(p, b.first_line, "this block is no longer a verbatim part of " + b.target);
    }
}

// Every path of a tree block exists, as a directory if it ends in '/'.
void check_trees(const page& p, const fs::path& root, const std::vector<block>& blocks) {
    for (const auto& b : blocks) {
        if (b.kind != "tree") continue;
        std::vector<std::string> stack;  // the directories above the current line
        std::istringstream lines(b.code);
        std::size_t n = b.first_line;
        for (std::string line; std::getline(lines, line); ++n) {
            const auto start = line.find_first_not_of(' ');
            if (start == std::string::npos) continue;
            const std::size_t depth = start / 2;
            const auto end = line.find("  ", start);
            const std::string name = line.substr(start, end == std::string::npos ? end : end - start);
            if (start % 2 != 0 || depth > stack.size()) {
                fail(p, n, "tree: indent by two spaces per level, under a directory");
                continue;
            }
            stack.resize(depth);
            std::string path;
            for (const auto& d : stack) path += d;
            path += name;
            const bool dir = name.back() == '/';
            if (dir ? !fs::is_directory(root / path) : !fs::is_regular_file(root / path))
                fail(p, n, "tree: no " + std::string(dir ? "directory " : "file ") + path);
            if (dir) stack.push_back(name);
        }
    }
}

int check(const fs::path& root, const std::vector<fs::path>& pages) {
    std::map<fs::path, std::set<std::string>> anchor_cache;
    std::size_t claimed = 0;  // compile, run and same-as blocks
    for (const auto& path : pages) {
        const auto p = read_page(path);
        if (!p) {
            std::fprintf(stderr, "ctnn_doc_blocks: cannot read %s\n", path.string().c_str());
            return 1;
        }
        check_links(*p, root, anchor_cache);
        const auto blocks = marked_blocks(*p);
        check_same_as(*p, root, blocks);
        check_trees(*p, root, blocks);
        for (const auto& b : blocks) claimed += b.kind != "tree";
    }
    std::printf("%zu pages, %zu code blocks claimed to compile: %s\n", pages.size(), claimed,
                failures == 0 ? "all links resolve, every same-as block matches its file, every tree path exists" : "FAILED");
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 4 && args[0] == "extract") return extract(args[1], args[2], args[3]);
    if (args.size() >= 3 && args[0] == "check") return check(args[1], {args.begin() + 2, args.end()});
    std::fprintf(stderr,
                 "usage: ctnn_doc_blocks extract <page.md> <out-dir> <stem>\n"
                 "       ctnn_doc_blocks check <source-root> <page.md>...\n");
    return 2;
}
