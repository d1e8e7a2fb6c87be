package detectors

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHTMLTableHeader checks that the header row of an HTML table names the
// values in its columns, and where it stops doing so.
func TestHTMLTableHeader(t *testing.T) {
	const head = "<table>\n<thead><tr><th>Name</th><th>Passport No</th><th>EPIC No</th><th>Order ID</th></tr></thead>\n<tbody>\n"
	tests := []findCase{
		// Without the header these values are too weak to report.
		{"<tr><td>Ravi</td><td>J6932157</td><td>WKH1186253</td><td>x</td></tr>", ``},
		{head + "<tr><td>Ravi</td><td>J6932157</td><td>WKH1186253</td><td>x</td></tr>\n</tbody></table>",
			`passport["J6932157"] voter_id["WKH1186253"]`},
		// Many rows down, one cell per line, upper-case tags.
		{head + strings.Repeat("<tr><td>Asha</td><td>-</td><td>-</td><td>7</td></tr>\n", 40) +
			"<TR>\n  <TD>Ravi</TD>\n  <TD>J6932157</TD>\n  <TD>WKH1186253</TD>\n</TR>\n",
			`passport["J6932157"] voter_id["WKH1186253"]`},
		// The header of one table says nothing about the next.
		{head + "</tbody></table>\n<table><tr><td>Ravi</td><td>J6932157</td><td>WKH1186253</td></tr></table>", ``},
		// A column that the header names as something else.
		{head + "<tr><td>Ravi</td><td>-</td><td>-</td><td>234123412346</td></tr>", ``},
		{"<table><tr><td>Ravi</td><td>-</td><td>-</td><td>234123412346</td></tr>", `aadhaar["234123412346"]`},
		// The words in the cell come first; then the header; then the row.
		{head + "<tr><td>Ravi</td><td>mobile 9876543210</td></tr>", `mobile["9876543210"]`},
		// Tags inside header cells, </tr> left out, attributes.
		{"<table><tr><th class=\"c\"><b>Customer</b> name<th><span>Passport</span><br>No.\n" +
			"<tr><td>Ravi<td style=\"x\">J6932157</table>", `passport["J6932157"]`},
		// A row of <th> and <td> cells (a row header) is not a header row:
		// the header above it still holds.
		{"<table><tr><th>#</th><th>Passport</th></tr><tr><th>1</th><td>J6932157</td></tr><tr><th>2</th><td>K6932157</td></tr></table>",
			`passport["J6932157"] passport["K6932157"]`},
		// Key-value tables still work from the row's own header cell.
		{"<table><tr><th>Passport No</th><td>J6932157</td></tr></table>", `passport["J6932157"]`},
		// A header cell too long to be a column name names nothing.
		{"<table><tr><th>x</th><th>" + strings.Repeat("word ", 12) + "Passport</th></tr>\n<tr><td>a</td><td>J6932157</td></tr></table>", ``},
		// A header written with <td> cells inside <thead>.
		{"<table><thead><tr><td>Name</td><td>EPIC No</td></tr></thead>\n<tbody><tr><td>Ravi Kumar Sharma</td><td>WKH1186253</td></tr></tbody></table>",
			`voter_id["WKH1186253"]`},
		// colspan, in the header and in a row, moves the columns.
		{"<table><tr><th colspan=\"2\">Name</th><th>Passport</th></tr>\n<tr><td>Ravi</td><td>Kumar</td><td>J6932157</td></tr>\n" +
			"<tr><td COLSPAN=2>Asha</td><td>K6932157</td></tr>\n<tr><td>a</td><td colspan='x'>b</td><td>L6932157</td></tr></table>",
			`passport["J6932157"] passport["K6932157"] passport["L6932157"]`},
		{"<table><tr><th>Name</th><th colspan=2>Passport</th><th>Note</th></tr>\n<tr><td>Ravi</td><td>J6932157</td><td>K6932157</td><td>L6932157</td></tr></table>",
			`passport["J6932157"] passport["K6932157"]`},
		// A title row of one cell across the table is not a header.
		{"<table><tr><th colspan=\"3\">Passport holders</th></tr>\n<tr><td>Ravi Kumar Sharma</td><td>x</td><td>J6932157</td></tr></table>", ``},
		// A data row whose first cell spans two columns.
		{"<table><tr><th>Name</th><th>Passport No</th><th>Booking Ref</th></tr>\n<tr><td colspan=2>Group booking</td><td>K7241953</td></tr></table>", ``},
		// Lines of one cell: the line above counts (in the cell only).
		{"<table><tr><th>Field</th><th>Details</th></tr>\n<tr><td>x</td><td>ID Type: Passport<br>\nID Number: J6932157</td></tr></table>",
			`passport["J6932157"]`},
		// A label inside inline markup in the cell comes before the header.
		{"<table><tr><th>Name</th><th>Reference</th></tr>\n<tr><td>Ravi Kumar Sharma</td><td><b>Mobile:</b> 9123456780</td></tr></table>",
			`mobile["9123456780"]`},
		// A header row inside a comment is no header.
		{"<table><!-- <tr><th>Name</th><th>Passport No</th></tr> -->\n" + strings.Repeat("<tr><td>Asha Rani Verma</td><td>-</td></tr>\n", 3) +
			"<tr><td>Ravi Kumar Sharma</td><td>K7241953</td></tr></table>", ``},
		{"<table><!--x--><!----><!-- a -- b --><tr><th>Name</th><th>Passport No</th></tr><!DOCTYPE x>\n<tr><td>Ravi Kumar Sharma</td><td>K7241953</td></tr></table>",
			`passport["K7241953"]`},
		// An indented header cell.
		{"<table><tr><th>Name</th><th>\n" + strings.Repeat(" ", 40) + "Passport No\n" + strings.Repeat(" ", 36) + "</th></tr>\n<tr><td>Ravi Kumar Sharma</td><td>K7241953</td></tr></table>",
			`passport["K7241953"]`},
		// "a < b" is not a tag.
		{"<table><tr><th>a < b</th><th>Passport</th></tr><tr><td>a</td><td>J6932157</td></tr></table>", `passport["J6932157"]`},
	}
	checkCases(t, tests)
	// More columns than are followed: the label of a far column is not
	// given to the wrong one.
	var b strings.Builder
	b.WriteString("<table><tr>")
	for i := 0; i < htmlCols+3; i++ {
		fmt.Fprintf(&b, "<th>c%d</th>", i)
	}
	b.WriteString("<th>Passport</th></tr>\n<tr>")
	for i := 0; i < htmlCols+3; i++ {
		b.WriteString("<td>J6932157</td>\n")
	}
	b.WriteString("<td>J6932157</td></tr></table>")
	if got := above(Default.FindString(nil, b.String())); len(got) != 0 {
		t.Errorf("wide table: %s", describe(b.String(), got))
	}
}

// htmlPage builds an HTML page of n bytes or more: tables with and without
// header rows, tags cut at every point by the callers' pieces, and values.
func htmlPage(r *rand.Rand, n int) []byte {
	heads := []string{"Name", "Passport No", "EPIC", "Mobile", "Order ID", "Aadhaar", "<b>PAN</b> card", "Notes",
		"<th colspan=\"2\">Passport", "<th COLSPAN=3>EPIC"}
	values := []string{"Ravi", "J6932157", "WKH1186253", "98765 43210", "234123412346", "2341 2341 2346", "ABCPD1234Z", "a < b", "-"}
	var b []byte
	for len(b) < n {
		b = append(b, "<table border=\"1\">\n"...)
		cols := 1 + r.IntN(6)
		if k := r.IntN(5); k == 0 {
			// A header of <td> cells in <thead>.
			b = append(b, "<thead><tr>"...)
			for c := 0; c < cols; c++ {
				b = append(b, fmt.Sprintf("<td>%s</td>", heads[r.IntN(8)])...)
			}
			b = append(b, "</tr></thead><tbody>\n"...)
		} else if k > 1 {
			b = append(b, "<tr>"...)
			for c := 0; c < cols; c++ {
				if h := heads[r.IntN(len(heads))]; strings.HasPrefix(h, "<th") {
					b = append(b, h+"</th>"...)
				} else {
					b = append(b, fmt.Sprintf("<th>%s</th>", h)...)
				}
			}
			b = append(b, "</tr>\n"...)
		}
		for row := r.IntN(8); row > 0; row-- {
			b = append(b, "<tr>"...)
			for c := 0; c < cols; c++ {
				tag := "td"
				if c == 0 && r.IntN(5) == 0 {
					tag = "th"
				}
				attr := ""
				if r.IntN(8) == 0 {
					attr = fmt.Sprintf(" colspan=\"%d\"", 1+r.IntN(3))
				}
				b = append(b, fmt.Sprintf("<%s%s>%s</%s>", tag, attr, values[r.IntN(len(values))], tag)...)
				if r.IntN(6) == 0 {
					b = append(b, '\n')
				}
			}
			b = append(b, "</tr>\n"...)
		}
		b = append(b, "</table>\n<p>Contact 9876543210</p><!-- <tr><th>a</th><th>Passport</th></tr> -->\n"...)
	}
	return b
}

func TestHTMLStreaming(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 21))
	for k := 0; k < 5; k++ {
		checkChunking(t, Default, htmlPage(r, 4000))
	}
}

// TestHTMLAdvanceCuts checks that the table state does not depend on how the
// bytes are cut, also in the middle of a tag name.
func TestHTMLAdvanceCuts(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 23))
	for k := 0; k < 200; k++ {
		page := htmlPage(r, 300+r.IntN(2000))
		end := r.IntN(len(page) + 1)
		var whole htmlTable
		whole.advance(page[:end])
		var cut htmlTable
		for i := 0; i < end; {
			j := min(end, i+1+r.IntN(8))
			cut.advance(page[i:j])
			i = j
		}
		if cut != whole {
			t.Fatalf("state after %q differs when cut:\n got %+v\nwant %+v", page[:end], cut, whole)
		}
	}
}

// TestCommitFollowsTable checks the HTML table state a Scanner carries from
// one Commit to the next, also when the caller commits less than Scan
// settled.
func TestCommitFollowsTable(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 25))
	text := htmlPage(r, 30000)
	commitUnevenly(r, text, func(sc *Scanner, done int) {
		var want htmlTable
		want.advance(text[:done])
		if sc.st.html != want {
			t.Fatalf("after %d bytes: table state\n %+v\nwant %+v", done, sc.st.html, want)
		}
	})
}
