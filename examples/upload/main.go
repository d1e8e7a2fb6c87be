// Command upload is a pre-publish gate: it looks inside the files about to be
// uploaded (shared, attached, published) for Indian personal identifiers, and
// either refuses with a report or writes redacted copies.
//
// Usage:
//
//	go run ./examples/upload [-out DIR] [FILE ...]
//
// With no FILE it writes a set of sample files to a temporary directory
// (a .docx, a .xlsx, an .odt, a .zip holding a CSV, a JSON export and another
// .docx, a .gz log and a clean text file) and checks those.
//
// It looks inside gzip files and zip archives, nested up to four deep, and so
// inside the office documents that are zip archives of XML: .docx, .xlsx and
// .pptx, .odt and .ods. In XML parts it reads the text a paragraph at a time,
// so an identifier that Word split across runs (<w:t>2341 23</w:t><w:t>41
// 2346</w:t>) is found. See xmlpart.go for how parts are rewritten.
//
// Without -out, it prints one line per identifier found: the file, the path
// inside it ("-" for the file itself; "!" joins the paths of nested
// archives), the byte offset in that (decompressed) content and the kind,
// never the identifier, and exits with status 1; when it finds nothing it
// exits with status 0:
//
//	FILE	INNER	OFFSET	KIND
//	report.docx	word/document.xml	1022	aadhaar
//
// With -out DIR it writes a redacted copy of each file to DIR under the same
// name, every identifier masked by the default policy, and checks the copies
// again: archives stay archives with the same entries, and office documents
// stay valid documents, since only the text of their XML parts changes. It
// exits with status 1 if an identifier survives (in a part it cannot rewrite,
// such as an image or a tar file), 0 if none does.
//
// The exit status is 2 on any error, described on standard error.
//
// Limits: an XML part, a JSON file or a zip archive inside another is held in
// memory (up to 64 MiB; a larger XML or JSON file is redacted as plain text, a
// larger nested archive is not opened); tar files are not opened; a table's
// column headings are not read as the context of its cells; offsets in XML
// character data with entity references are those of the character data.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/redact"
)

// Limits.
const (
	maxDepth  = 4        // archives within archives
	maxMemory = 64 << 20 // the most of one part held in memory
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// finding is an identifier found in a file.
type finding struct {
	File   string
	Inner  string // the path inside the file, "" for the file itself
	Offset int64
	Kind   detectors.Kind
}

// gate finds and redacts identifiers in files.
type gate struct {
	red   *redact.Redactor
	finds []finding
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("upload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write redacted copies to `DIR` instead of refusing")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: upload [-out DIR] [FILE ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		dir, err := os.MkdirTemp("", "kavach-upload-")
		if err == nil {
			files, err = writeSamples(dir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "upload: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "no files named: checking the samples written to %s\n", dir)
	}
	g := &gate{red: redact.Default}
	for _, f := range files {
		if err := g.scanFile(f); err != nil {
			fmt.Fprintf(stderr, "upload: %v\n", err)
			return 2
		}
	}
	if *out == "" {
		if len(g.finds) == 0 {
			fmt.Fprintf(stdout, "upload: OK: no identifier in %d files\n", len(files))
			return 0
		}
		report(stdout, g.finds)
		fmt.Fprintf(stdout, "upload: REFUSED: %d identifiers in %d of %d files; use -out DIR to write redacted copies\n",
			len(g.finds), countFiles(g.finds), len(files))
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "upload: %v\n", err)
		return 2
	}
	seen := map[string]bool{}
	check := &gate{red: g.red}
	for _, f := range files {
		dst := filepath.Join(*out, filepath.Base(f))
		if seen[dst] {
			fmt.Fprintf(stderr, "upload: two files named %s\n", filepath.Base(f))
			return 2
		}
		seen[dst] = true
		if err := g.redactFile(f, dst); err != nil {
			fmt.Fprintf(stderr, "upload: %v\n", err)
			return 2
		}
		n := 0
		for _, x := range g.finds {
			if x.File == f {
				n++
			}
		}
		fmt.Fprintf(stdout, "wrote %s (%d identifiers redacted)\n", dst, n)
		if err := check.scanFile(dst); err != nil {
			fmt.Fprintf(stderr, "upload: checking %s: %v\n", dst, err)
			return 2
		}
	}
	if len(check.finds) > 0 {
		report(stdout, check.finds)
		fmt.Fprintf(stdout, "upload: REFUSED: %d identifiers could not be redacted\n", len(check.finds))
		return 1
	}
	fmt.Fprintf(stdout, "upload: OK: %d redacted copies in %s, checked again: no identifier\n", len(files), *out)
	return 0
}

// report writes the findings, never the identifiers.
func report(w io.Writer, finds []finding) {
	fmt.Fprintln(w, "FILE\tINNER\tOFFSET\tKIND")
	for _, f := range finds {
		inner := f.Inner
		if inner == "" {
			inner = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\n", f.File, inner, f.Offset, f.Kind)
	}
}

func countFiles(finds []finding) int {
	files := map[string]bool{}
	for _, f := range finds {
		files[f.File] = true
	}
	return len(files)
}

func (g *gate) scanFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a directory", name)
	}
	if err := g.scan(name, "", f, f, st.Size(), 0); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// redactFile writes a redacted copy of name to dst, through a temporary file
// that takes dst's place only when complete.
func (g *gate) redactFile(name, dst string) error {
	in, err := os.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := g.redact(name, "", in, in, st.Size(), 0, bw); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

// kindOf says what a part is.
type kindOf int

const (
	plain kindOf = iota
	binary
	zipArchive
	gzipFile
	xmlPart
	csvPart
	jsonPart
)

// classify decides what the part named name, which starts with head, is.
func classify(name string, head []byte, depth int) kindOf {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && depth < maxDepth:
		return zipArchive
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}) && depth < maxDepth:
		return gzipFile
	case ext == ".xml" || ext == ".rels" || bytes.HasPrefix(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("<?xml")):
		return xmlPart
	case ext == ".csv" || ext == ".tsv":
		return csvPart
	case ext == ".json" || ext == ".jsonl" || ext == ".ndjson":
		return jsonPart
	}
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") {
		return binary
	}
	return plain
}

func join(inner, name string) string {
	if inner == "" {
		return name
	}
	return inner + "!" + name
}

// open returns rd as an io.ReaderAt with its size, reading it into memory
// when it is not one already. ok is false when it is too large.
func open(rd io.Reader, at io.ReaderAt, size int64) (io.ReaderAt, int64, bool, error) {
	if at != nil && size >= 0 {
		return at, size, true, nil
	}
	data, ok, err := readAll(rd)
	return bytes.NewReader(data), int64(len(data)), ok, err
}

// readAll reads rd into memory, up to maxMemory bytes; ok is false when there
// was more.
func readAll(rd io.Reader) ([]byte, bool, error) {
	data, err := io.ReadAll(io.LimitReader(rd, maxMemory+1))
	if err != nil {
		return nil, false, err
	}
	return data, len(data) <= maxMemory, nil
}

// sniff buffers rd and tells what the part inner of file is (named inner, or
// file at the top), from its name and its first bytes.
func sniff(file, inner string, rd io.Reader, depth int) (br *bufio.Reader, name string, kind kindOf) {
	br = bufio.NewReaderSize(rd, 64<<10)
	head, _ := br.Peek(512)
	name = inner
	if name == "" {
		name = file
	}
	return br, name, classify(name, head, depth)
}

// scan finds the identifiers in the part inner of file, read from rd (also
// at, if not nil, with its size).
func (g *gate) scan(file, inner string, rd io.Reader, at io.ReaderAt, size int64, depth int) error {
	br, name, kind := sniff(file, inner, rd, depth)
	switch kind {
	case zipArchive:
		ra, n, ok, err := open(br, at, size)
		if err != nil {
			return err
		}
		if !ok {
			return g.scanText(file, inner, io.MultiReader(io.NewSectionReader(ra, 0, n), br))
		}
		zr, err := zip.NewReader(ra, n)
		if err != nil {
			return g.scanText(file, inner, io.NewSectionReader(ra, 0, n))
		}
		for _, e := range zr.File {
			if e.FileInfo().IsDir() {
				continue
			}
			rc, err := e.Open()
			if err != nil {
				return fmt.Errorf("%s: %w", join(inner, e.Name), err)
			}
			err = g.scan(file, join(inner, e.Name), rc, nil, -1, depth+1)
			rc.Close()
			if err != nil {
				return err
			}
		}
		return nil
	case gzipFile:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return g.scan(file, join(inner, gzName(zr, name)), zr, nil, -1, depth+1)
	case xmlPart:
		data, ok, err := readAll(br)
		if err != nil {
			return err
		}
		if ok {
			if finds, err := processXML(g.red, data, nil); err == nil {
				for _, f := range finds {
					g.finds = append(g.finds, finding{file, inner, f.Offset, f.Kind})
				}
				return nil
			}
		}
		return g.scanText(file, inner, io.MultiReader(bytes.NewReader(data), br))
	}
	return g.scanText(file, inner, br)
}

// gzName returns the name of the file inside a gzip file named name.
func gzName(zr *gzip.Reader, name string) string {
	if zr.Name != "" {
		return path.Base(filepath.ToSlash(zr.Name))
	}
	base := path.Base(filepath.ToSlash(name))
	if strings.HasSuffix(strings.ToLower(base), ".tgz") {
		return strings.TrimSuffix(base[:len(base)-4], ".") + ".tar"
	}
	if i := strings.LastIndex(strings.ToLower(base), ".gz"); i > 0 {
		return base[:i]
	}
	return base
}

// scanText finds the identifiers in a stream of text (or of bytes: a binary
// part is read as text too, so that what it holds is reported).
func (g *gate) scanText(file, inner string, rd io.Reader) error {
	sc := detectors.Default.NewScanner()
	buf := make([]byte, 0, 64<<10)
	var base int64
	var fs []detectors.Finding
	eof := false
	for {
		if !eof && len(buf) < cap(buf) {
			n, err := rd.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return err
			}
			if n == 0 && !eof {
				continue
			}
		}
		var n int
		fs, n = sc.Scan(fs[:0], buf, eof)
		for _, f := range fs {
			if f.Score >= detectors.DefaultThreshold || f.Err != nil {
				g.finds = append(g.finds, finding{file, inner, base + int64(f.Start), f.Kind})
			}
		}
		sc.Commit(buf, n)
		base += int64(n)
		buf = buf[:copy(buf, buf[n:])]
		if eof && len(buf) == 0 {
			return nil
		}
		if n == 0 && eof {
			return errors.New("the detectors did not settle the end of the input")
		}
	}
}

// redact writes to w the part inner of file, read from rd (also at, if not
// nil, with its size), with its identifiers redacted.
func (g *gate) redact(file, inner string, rd io.Reader, at io.ReaderAt, size int64, depth int, w io.Writer) error {
	br, name, kind := sniff(file, inner, rd, depth)
	switch kind {
	case zipArchive:
		ra, n, ok, err := open(br, at, size)
		if err != nil {
			return err
		}
		var zr *zip.Reader
		if ok {
			zr, err = zip.NewReader(ra, n)
		}
		if !ok || err != nil {
			// Not an archive this gate can open: copied as it is, and
			// reported by the check of the copy if it holds anything.
			_, err := io.Copy(w, io.MultiReader(io.NewSectionReader(ra, 0, n), br))
			return err
		}
		return g.redactZip(file, inner, zr, depth, w)
	case gzipFile:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zw.Header = zr.Header
		if err := g.redact(file, join(inner, gzName(zr, name)), zr, nil, -1, depth+1, zw); err != nil {
			return err
		}
		return zw.Close()
	case xmlPart:
		data, ok, err := readAll(br)
		if err != nil {
			return err
		}
		if ok {
			var out bytes.Buffer
			if _, err := processXML(g.red, data, &out); err == nil {
				_, err := w.Write(out.Bytes())
				return err
			}
		}
		return g.redactText(io.MultiReader(bytes.NewReader(data), br), w)
	case csvPart:
		var opts redact.CSVOptions
		if strings.EqualFold(path.Ext(name), ".tsv") {
			opts.Comma = '\t'
		}
		return g.red.CSV(w, br, opts)
	case jsonPart:
		data, ok, err := readAll(br)
		if err != nil {
			return err
		}
		if ok {
			var out bytes.Buffer
			if err := g.red.JSON(&out, bytes.NewReader(data)); err == nil {
				_, err := w.Write(out.Bytes())
				return err
			}
		}
		return g.redactText(io.MultiReader(bytes.NewReader(data), br), w)
	case binary:
		_, err := io.Copy(w, br)
		return err
	}
	return g.redactText(br, w)
}

func (g *gate) redactText(rd io.Reader, w io.Writer) error {
	rw := g.red.NewWriter(w)
	if _, err := io.Copy(rw, rd); err != nil {
		return err
	}
	return rw.Close()
}

// redactZip writes a copy of the archive zr with its entries redacted, in
// the same order, with the same names, methods, times and comments. An entry
// that comes out unchanged is copied as it was compressed.
func (g *gate) redactZip(file, inner string, zr *zip.Reader, depth int, w io.Writer) error {
	zw := zip.NewWriter(w)
	if err := zw.SetComment(zr.Comment); err != nil {
		return err
	}
	for _, e := range zr.File {
		if err := g.redactEntry(file, inner, e, depth, zw); err != nil {
			return err
		}
	}
	return zw.Close()
}

func (g *gate) redactEntry(file, inner string, e *zip.File, depth int, zw *zip.Writer) error {
	if e.FileInfo().IsDir() || e.UncompressedSize64 > maxMemory {
		if e.FileInfo().IsDir() {
			return zw.Copy(e)
		}
		// Too large to compare: redacted as it streams.
		hdr := e.FileHeader
		hdr.CRC32, hdr.CompressedSize64, hdr.UncompressedSize64 = 0, 0, 0
		ew, err := zw.CreateHeader(&hdr)
		if err != nil {
			return err
		}
		rc, err := e.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return g.redact(file, join(inner, e.Name), rc, nil, -1, depth+1, ew)
	}
	rc, err := e.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", join(inner, e.Name), err)
	}
	orig, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", join(inner, e.Name), err)
	}
	var out bytes.Buffer
	if err := g.redact(file, join(inner, e.Name), bytes.NewReader(orig), bytes.NewReader(orig), int64(len(orig)), depth+1, &out); err != nil {
		return err
	}
	if bytes.Equal(out.Bytes(), orig) {
		return zw.Copy(e)
	}
	hdr := e.FileHeader
	hdr.CRC32, hdr.CompressedSize64, hdr.UncompressedSize64 = 0, 0, 0
	ew, err := zw.CreateHeader(&hdr)
	if err != nil {
		return err
	}
	_, err = ew.Write(out.Bytes())
	return err
}
