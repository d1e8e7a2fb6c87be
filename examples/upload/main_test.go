package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// samples writes the sample files to a temporary directory.
func samples(t *testing.T) (dir string, files []string) {
	t.Helper()
	dir = t.TempDir()
	files, err := writeSamples(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func runUpload(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRefuses(t *testing.T) {
	dir, files := samples(t)
	code, out, errs := runUpload(t, files...)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errs)
	}
	for _, id := range sampleIDs {
		if strings.Contains(out, id) {
			t.Errorf("the report shows %q", id)
		}
	}
	for _, want := range []string{
		"report.docx\tword/document.xml\t",
		"report.docx\tword/header1.xml\t",
		"ledger.xlsx\txl/sharedStrings.xml\t",
		"ledger.xlsx\txl/worksheets/sheet1.xml\t",
		"notes.odt\tcontent.xml\t",
		"bundle.zip\tcustomers.csv\t",
		"bundle.zip\texport.json\t",
		"bundle.zip\tnested/report.docx!word/document.xml\t",
		"app.log.gz\tapp.log\t",
		"\tvoter_id\n", "\tpassport\n", "\taadhaar_vid\n", "\tpan\n",
		"upload: REFUSED: 27 identifiers in 5 of 6 files",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "clean.txt") {
		t.Errorf("clean.txt reported:\n%s", out)
	}
	// The offset of the Aadhaar number that Word split across three runs
	// points at its first part in word/document.xml.
	doc := readEntry(t, filepath.Join(dir, "report.docx"), "word/document.xml")
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 4 && strings.HasSuffix(f[0], "report.docx") && f[1] == "word/document.xml" && f[3] == "aadhaar" {
			off, _ := strconv.Atoi(f[2])
			if !bytes.HasPrefix(doc[off:], []byte("2341 23</w:t>")) {
				t.Errorf("offset %d points at %q", off, doc[off:off+20])
			}
		}
	}
}

func TestClean(t *testing.T) {
	_, files := samples(t)
	code, out, _ := runUpload(t, files[len(files)-1]) // clean.txt
	if code != 0 || !strings.Contains(out, "upload: OK: no identifier in 1 files") {
		t.Errorf("exit %d: %s", code, out)
	}
}

func TestErrors(t *testing.T) {
	if code, _, errs := runUpload(t, filepath.Join(t.TempDir(), "missing.docx")); code != 2 || !strings.Contains(errs, "missing.docx") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	if code, _, _ := runUpload(t, "-nosuchflag"); code != 2 {
		t.Errorf("bad flag: exit %d", code)
	}
}

func TestNoArguments(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	code, out, _ := runUpload(t)
	if code != 1 || !strings.Contains(out, "no files named: checking the samples") {
		t.Errorf("exit %d: %s", code, out)
	}
}

func TestRedactedCopies(t *testing.T) {
	_, files := samples(t)
	outDir := filepath.Join(t.TempDir(), "out")
	code, out, errs := runUpload(t, append([]string{"-out", outDir}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, id := range sampleIDs {
		if strings.Contains(out, id) {
			t.Errorf("the output shows %q", id)
		}
	}
	for _, in := range files {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(outDir, name))
			if err != nil {
				t.Fatal(err)
			}
			checkPart(t, name, orig, got)
		})
	}
	// The number cell became a string cell: "XXXXXX3210" is not a number.
	sheet := readEntry(t, filepath.Join(outDir, "ledger.xlsx"), "xl/worksheets/sheet1.xml")
	if !bytes.Contains(sheet, []byte(`<c r="B2" s="0" t="inlineStr"><is><t xml:space="preserve">XXXXXX3210</t></is></c>`)) {
		t.Errorf("number cell:\n%s", sheet)
	}
	// The split identifier is masked in its first run.
	doc := readEntry(t, filepath.Join(outDir, "report.docx"), "word/document.xml")
	if !bytes.Contains(doc, []byte(`<w:t xml:space="preserve">XXXX XXXX 2346</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"></w:t>`)) {
		t.Errorf("split identifier:\n%s", doc)
	}
}

// checkPart checks a redacted copy against its original: the same kind of
// file, still valid, with no sample identifier left in it or in any part of
// it, in its bytes or in the text of its XML.
func checkPart(t *testing.T, name string, orig, got []byte) {
	t.Helper()
	switch {
	case bytes.HasPrefix(orig, []byte("PK\x03\x04")):
		zo, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
		if err != nil {
			t.Fatal(err)
		}
		zg, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
		if err != nil {
			t.Fatalf("%s: not a zip archive: %v", name, err)
		}
		if len(zg.File) != len(zo.File) {
			t.Fatalf("%s: %d entries, want %d", name, len(zg.File), len(zo.File))
		}
		for i, e := range zg.File {
			o := zo.File[i]
			if e.Name != o.Name || e.Method != o.Method {
				t.Errorf("%s: entry %d is %s (method %d), want %s (method %d)", name, i, e.Name, e.Method, o.Name, o.Method)
			}
			checkPart(t, name+"!"+e.Name, readZipFile(t, o), readZipFile(t, e))
		}
		return
	case bytes.HasPrefix(orig, []byte{0x1f, 0x8b}):
		checkPart(t, name+"!", gunzip(t, orig), gunzip(t, got))
		return
	case strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels"):
		text := xmlText(t, name, got)
		for _, id := range sampleIDs {
			if strings.Contains(text, id) {
				t.Errorf("%s: %q survived in the text", name, id)
			}
		}
	}
	for _, id := range sampleIDs {
		if bytes.Contains(got, []byte(id)) {
			t.Errorf("%s: %q survived", name, id)
		}
	}
}

// xmlText parses an XML part and returns its character data, the text of each
// element run together so that identifiers split across runs show.
func xmlText(t *testing.T, name string, data []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
}

func readZipFile(t *testing.T, f *zip.File) []byte {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return data
}

func readEntry(t *testing.T, file, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			return readZipFile(t, f)
		}
	}
	t.Fatalf("%s has no %s", file, name)
	return nil
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
