package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"time"
)

// The sample files hold fake identifiers with valid check digits (made up,
// not anyone's): the Aadhaar number 2341 2341 2346, the VID 2341 2341 2341
// 2341, the PAN ABCPD1234Z, the passport number A1234567, the voter ID
// ABC1234567 and the mobile numbers 9876543210 and 9123456789.
var sampleIDs = []string{
	"2341 2341 2346", "234123412346", "2341 2341 2341 2341", "ABCPD1234Z", "A1234567",
	"ABC1234567", "9876543210", "98765 43210", "9123456789",
}

// sampleTime is the modification time of the sample files' entries.
var sampleTime = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsRel = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	nsCT  = `xmlns="http://schemas.openxmlformats.org/package/2006/content-types"`
	nsS   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// entry is a file in a sample archive.
type entry struct {
	name   string
	body   string
	stored bool // not compressed
}

func buildZip(entries []entry) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: sampleTime}
		if e.stored {
			hdr.Method = zip.Store
		}
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// para is a Word paragraph of runs; a run starting with "*" is bold.
func para(runs ...string) string {
	var b bytes.Buffer
	b.WriteString("<w:p>")
	for _, r := range runs {
		b.WriteString("<w:r>")
		if len(r) > 0 && r[0] == '*' {
			b.WriteString("<w:rPr><w:b/></w:rPr>")
			r = r[1:]
		}
		b.WriteString(`<w:t xml:space="preserve">` + r + "</w:t></w:r>")
	}
	b.WriteString("</w:p>")
	return b.String()
}

// row is a Word table row of one-paragraph cells.
func row(cells ...[]string) string {
	var b bytes.Buffer
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>` + para(c...) + "</w:tc>")
	}
	b.WriteString("</w:tr>")
	return b.String()
}

// sampleDocx is a Word document with identifiers in its body text (one split
// across three runs), in a table (one split across two runs) and in its
// header.
func sampleDocx() []byte {
	document := xmlPI + `<w:document ` + nsW + ` ` + nsR + `><w:body>` +
		para("KYC review for Asha Rao") +
		para("Aadhaar: ", "2341 23", "*41 2346", " (verified)") +
		para("Call her on ", "+91 98765 43210", " before 5 pm; the case file is 2024/117.") +
		`<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
		row([]string{"Document"}, []string{"Number"}) +
		row([]string{"PAN"}, []string{"ABCPD", "*1234Z"}) +
		row([]string{"Passport"}, []string{"A1234567"}) +
		row([]string{"Aadhaar VID"}, []string{"2341 2341 2341 2341"}) +
		`</w:tbl>` +
		para("Reviewed by the branch office.") +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>`
	header := xmlPI + `<w:hdr ` + nsW + `>` + para("Confidential. Customer mobile 9123456789") + `</w:hdr>`
	return buildZip([]entry{
		{name: "[Content_Types].xml", body: xmlPI + `<Types ` + nsCT + `>` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`</Types>`},
		{name: "_rels/.rels", body: xmlPI + `<Relationships ` + nsRel + `>` +
			`<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/_rels/document.xml.rels", body: xmlPI + `<Relationships ` + nsRel + `>` +
			`<Relationship Id="rId1" Type="` + relNS + `header" Target="header1.xml"/></Relationships>`},
		{name: "word/document.xml", body: document},
		{name: "word/header1.xml", body: header},
	})
}

// sampleXlsx is a workbook with identifiers in shared strings (one split
// across two rich-text runs), in a number cell, in an inline string cell and
// in the page header.
func sampleXlsx() []byte {
	strs := []string{"<t>Name</t>", "<t>Mobile</t>", "<t>Aadhaar</t>", "<t>Asha Rao</t>",
		"<t>2341 2341 2346</t>", `<r><t xml:space="preserve">PAN ABCPD</t></r><r><rPr><b/></rPr><t>1234Z</t></r>`, "<t>Notes</t>"}
	var sst bytes.Buffer
	sst.WriteString(xmlPI + `<sst ` + nsS + ` count="7" uniqueCount="7">`)
	for _, s := range strs {
		sst.WriteString("<si>" + s + "</si>")
	}
	sst.WriteString("</sst>")
	sheet := xmlPI + `<worksheet ` + nsS + `><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>6</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="0"><v>9876543210</v></c><c r="C2" t="s"><v>4</v></c><c r="D2" t="s"><v>5</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Ravi Kumar</t></is></c><c r="B3"><v>42</v></c><c r="C3" t="inlineStr"><is><t>VID 2341 2341 2341 2341</t></is></c></row>` +
		`</sheetData><headerFooter><oddHeader>&amp;CCustomer ledger, helpline 9123456789</oddHeader></headerFooter></worksheet>`
	return buildZip([]entry{
		{name: "[Content_Types].xml", body: xmlPI + `<Types ` + nsCT + `>` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
			`</Types>`},
		{name: "_rels/.rels", body: xmlPI + `<Relationships ` + nsRel + `>` +
			`<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{name: "xl/workbook.xml", body: xmlPI + `<workbook ` + nsS + ` ` + nsR + `><sheets>` +
			`<sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{name: "xl/_rels/workbook.xml.rels", body: xmlPI + `<Relationships ` + nsRel + `>` +
			`<Relationship Id="rId1" Type="` + relNS + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + relNS + `sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{name: "xl/worksheets/sheet1.xml", body: sheet},
		{name: "xl/sharedStrings.xml", body: sst.String()},
	})
}

// sampleOdt is an OpenDocument text with identifiers in a heading, a
// paragraph and a span.
func sampleOdt() []byte {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`
	return buildZip([]entry{
		{name: "mimetype", body: "application/vnd.oasis.opendocument.text", stored: true},
		{name: "META-INF/manifest.xml", body: xmlPI + `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
			`<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>` +
			`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		{name: "content.xml", body: xmlPI + `<office:document-content ` + ns + ` office:version="1.2"><office:body><office:text>` +
			`<text:h text:outline-level="1">Field visit notes</text:h>` +
			`<text:p>Voter ID <text:span>ABC12</text:span>34567 checked at the booth.</text:p>` +
			`<text:p>Passport no. A1234567<text:tab/>mobile 9876543210.</text:p>` +
			`</office:text></office:body></office:document-content>`},
	})
}

// writeSamples writes the sample files to dir and returns their paths.
func writeSamples(dir string) ([]string, error) {
	var log bytes.Buffer
	zw := gzip.NewWriter(&log)
	zw.Name = "app.log"
	zw.ModTime = sampleTime
	zw.Write([]byte("2024-03-01T10:00:01Z INFO kyc started customer=17\n" +
		"2024-03-01T10:00:02Z INFO otp delivered mobile=9876543210\n" +
		"2024-03-01T10:00:03Z WARN aadhaar 2341-2341-2346 failed demographic match\n" +
		"2024-03-01T10:00:04Z INFO done in 812ms\n"))
	zw.Close()
	bundle := buildZip([]entry{
		{name: "README.txt", body: "Quarterly export. Nothing personal in this file.\n"},
		{name: "customers.csv", body: "name,mobile,aadhaar,city\r\nAsha Rao,98765 43210,2341 2341 2346,Pune\r\nRavi Kumar,+91 91234 56789,,\"Mumbai, MH\"\r\n"},
		{name: "export.json", body: `{"customers": [{"name": "Asha Rao", "mobile": 9876543210, "pan": "ABCPD1234Z", "orders": 3}]}` + "\n"},
		{name: "nested/report.docx", body: string(sampleDocx())},
	})
	files := []struct {
		name string
		data []byte
	}{
		{"report.docx", sampleDocx()},
		{"ledger.xlsx", sampleXlsx()},
		{"notes.odt", sampleOdt()},
		{"bundle.zip", bundle},
		{"app.log.gz", log.Bytes()},
		{"clean.txt", []byte("Release notes for version 4.2: faster search, fixed 3 crashes.\n")},
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
