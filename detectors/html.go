package detectors

import "bytes"

// htmlCols is the number of columns of an HTML table whose header labels are
// kept; cells further right get no label from the header.
const htmlCols = 32

// htmlTable follows the tables of an HTML stream, a byte at a time and across
// any cut of the input: the labels of the last header row (a <tr> of two or
// more <th> cells) of the current table, and which cell the input is in. A
// value in a <td> cell under the header "Passport No" is labelled like a
// value under that column of a CSV file.
//
// It reads tags by their names only: attributes (colspan among them),
// comments and scripts are stepped over up to the next '>'.
type htmlTable struct {
	head  [htmlCols]label // labels of the header row of the current table
	nhead int             // its cells; 0 without a header
	row   [htmlCols]label // labels of the <th> cells of the row being read
	cells int             // cells opened in the row being read
	allTH bool            // every cell of that row so far is a <th>
	cell  byte            // 'd' in a <td>, 'h' in a <th>, 0 elsewhere
	mode  byte            // hText, hName or hTag
	name  [6]byte         // lower-cased tag name read so far ("/table")
	nlen  int             // its length; len(name)+1 when too long
	text  [48]byte        // the text of the <th> cell being read
	tlen  int             // its length; len(text)+1 when too long for a label
}

// Modes of htmlTable.
const (
	hText = iota // outside tags
	hName        // after '<', reading the tag name
	hTag         // after the name, before '>'
)

// advance moves the table state over b.
func (h *htmlTable) advance(b []byte) {
	for len(b) > 0 {
		switch h.mode {
		case hText:
			i := bytes.IndexByte(b, '<')
			if h.cell == 'h' {
				if i < 0 {
					h.addText(b)
				} else {
					h.addText(b[:i])
				}
			}
			if i < 0 {
				return
			}
			h.mode, h.nlen = hName, 0
			b = b[i+1:]
		case hName:
			c := b[0] | 0x20
			if c >= 'a' && c <= 'z' || h.nlen == 0 && b[0] == '/' || h.nlen > 0 && b[0]-'0' < 10 {
				if h.nlen < len(h.name) {
					h.name[h.nlen] = c // '/' and digits are unchanged by |0x20
					h.nlen++
				} else {
					h.nlen = len(h.name) + 1
				}
				b = b[1:]
				continue
			}
			if h.nlen == 0 {
				h.mode = hText // "a < b": not a tag
				continue
			}
			h.tag()
			h.mode = hTag
		case hTag:
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return
			}
			h.mode = hText
			b = b[i+1:]
		}
	}
}

// tag acts on a tag whose name has been read.
func (h *htmlTable) tag() {
	if h.nlen > len(h.name) {
		h.textSep()
		return
	}
	switch string(h.name[:h.nlen]) {
	case "table", "/table":
		*h = htmlTable{mode: h.mode}
	case "tr", "/tr", "/thead", "tbody":
		h.endRow()
		h.allTH = true
	case "td":
		h.endCell()
		h.cells++
		h.allTH = false
		h.cell = 'd'
	case "th":
		h.endCell()
		h.cells++
		h.cell = 'h'
		h.tlen = 0
	case "/td", "/th":
		h.endCell()
	default:
		h.textSep() // <b>, <br>, <span>: words on either side are apart
	}
}

// endCell ends the cell being read; a <th> cell's words give its label.
func (h *htmlTable) endCell() {
	if h.cell == 'h' && h.cells <= htmlCols {
		var lbl label
		if h.tlen <= len(h.text) {
			lbl = fieldLabel(h.text[:h.tlen])
		}
		h.row[h.cells-1] = lbl
	}
	h.cell = 0
}

// endRow ends the row being read: a row of two or more <th> cells and
// nothing else is the table's header from now on.
func (h *htmlTable) endRow() {
	h.endCell()
	if h.allTH && h.cells >= 2 {
		h.nhead = min(h.cells, htmlCols)
		h.head = h.row
	}
	h.cells, h.allTH = 0, false
}

func (h *htmlTable) addText(b []byte) {
	if h.tlen+len(b) > len(h.text) {
		h.tlen = len(h.text) + 1
		return
	}
	h.tlen += copy(h.text[h.tlen:], b)
}

func (h *htmlTable) textSep() {
	if h.cell == 'h' {
		h.addText([]byte{' '})
	}
}

// fieldLabel returns the label of the last labelled word of a column name
// ("Passport No", "Customer Mobile", "Order ID").
func fieldLabel(f []byte) label {
	var spans [maxWords][2]int
	n := splitWords(f, spans[:])
	for k := n - 1; k >= 0; k-- {
		if lbl := lookupWord(f[spans[k][0]:spans[k][1]]); lbl != lblNone {
			return lbl
		}
	}
	return lblNone
}

// htmlTo moves the HTML table state over the bytes since the last call, up to
// data index p (never back: see csvTo), and sets htmlCell and htmlLabel: whether p
// is in a <td> cell under a header, and that header's label. Scan does not
// change the committed state: the first change in a Scan is made to a copy.
func (l *loop) htmlTo(p int) {
	u := max(p-l.off, l.htmlAt)
	b := l.data[l.htmlAt+l.off : u+l.off]
	l.htmlAt = u
	h := l.html
	if !l.htmlCopied {
		if h.mode == hText && h.cell != 'h' && bytes.IndexByte(b, '<') < 0 {
			b = nil // text outside tags and header cells changes nothing
		} else {
			*l.htmlScan = *h
			h = l.htmlScan
			l.html, l.htmlCopied = h, true
		}
	}
	h.advance(b)
	l.htmlCell = h.cell == 'd' && h.cells <= h.nhead
	l.htmlLabel = lblNone
	if l.htmlCell {
		l.htmlLabel = h.head[h.cells-1]
	}
}
