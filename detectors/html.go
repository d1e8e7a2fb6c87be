package detectors

import "bytes"

// htmlCols is the number of columns of an HTML table whose header labels are
// kept; cells further right get no label from the header.
const htmlCols = 32

// htmlTable follows the tables of an HTML stream, a byte at a time and across
// any cut of the input: the labels of the last header row of the current
// table (a <tr> of two or more <th> cells, or any row inside <thead>), and
// which column the input is in, colspan counted. A value in a <td> cell
// under the header "Passport No" is labelled like a value under that column
// of a CSV file.
//
// It reads tags by their names, and the colspan attribute of cells; the rest
// of a tag (rowspan among it) is stepped over up to the next '>', and a
// comment up to "-->". The text of scripts is read as HTML.
type htmlTable struct {
	head  [htmlCols]label // labels of the header row of the current table
	nhead int             // its columns; 0 without a header
	row   [htmlCols]label // labels of the header cells of the row being read
	cells int             // columns taken by the cells opened in the row being read
	tags  int             // cells opened in the row being read
	first int             // the first column of the cell being read
	allTH bool            // every cell of that row so far is a header cell
	thead bool            // inside <thead>: its cells are header cells
	cell  byte            // 'd' in a <td>, 'h' in a header cell, 0 elsewhere
	mode  byte            // hText, hName, hTag, hBang or hComment
	dash  int             // in a comment: '-' just read, at most 2
	name  [6]byte         // lower-cased tag name read so far ("/table")
	nlen  int             // its length; len(name)+1 when too long
	attr  byte            // in the tag of a cell: how much of colspan=N was read (see attrByte)
	span  int             // the N of colspan=N
	text  [48]byte        // the text of the header cell being read
	tlen  int             // its length; len(text)+1 when too long for a label
}

// Modes of htmlTable.
const (
	hText    = iota // outside tags
	hName           // after '<', reading the tag name
	hTag            // after the name, before '>'
	hBang           // after "<!"
	hComment        // after "<!-", before "-->"
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
				if b[0] == '!' {
					h.mode = hBang // <!-- a comment -->, <!DOCTYPE html>
					b = b[1:]
				}
				continue
			}
			h.tag()
			h.mode = hTag
		case hBang:
			h.mode, h.attr = hTag, attrNone
			if b[0] == '-' {
				h.mode, h.dash = hComment, 0
				b = b[1:]
			}
		case hComment:
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				h.dash = dashesEnding(b, h.dash)
				return
			}
			if dashesEnding(b[:i], h.dash) == 2 {
				h.mode = hText
			}
			h.dash = 0
			b = b[i+1:]
		case hTag:
			if h.attr == attrNone {
				i := bytes.IndexByte(b, '>')
				if i < 0 {
					return
				}
				h.mode = hText
				b = b[i+1:]
				continue
			}
			// The tag of a cell: look for colspan.
			for len(b) > 0 && b[0] != '>' {
				h.attrByte(b[0])
				b = b[1:]
			}
			if len(b) > 0 {
				if h.span > 1 {
					h.cells = h.first + h.span
				}
				h.attr, h.mode = attrNone, hText
				b = b[1:]
			}
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
	case "tr", "/tr", "thead", "/thead", "tbody":
		h.endRow()
		h.allTH = true
		if h.nlen >= 5 { // the row groups: only <thead> holds header cells
			h.thead = h.name[1] == 'h'
		}
	case "td", "th":
		h.endCell()
		h.first, h.span, h.attr = h.cells, 0, attrName
		h.cells++
		h.tags++
		if h.name[1] == 'h' || h.thead {
			h.cell = 'h'
			h.tlen = 0
		} else {
			h.cell = 'd'
			h.allTH = false
		}
	case "/td", "/th":
		h.endCell()
	default:
		h.textSep() // <b>, <br>, <span>: words on either side are apart
	}
}

// States of attrByte.
const (
	attrNone = 0            // not in the tag of a cell
	attrName = 1            // attrName+k: k letters of "colspan" read
	attrEq   = attrName + 7 // after "colspan"
	attrVal  = attrEq + 1   // after '='
	attrNum  = attrVal + 1  // in the digits
	attrDone = attrNum + 1  // the rest of the tag
	maxSpan  = 1000
)

// attrByte reads one byte of the tag of a cell, after its name, looking for
// colspan=N (N quoted or not), and sets span.
func (h *htmlTable) attrByte(c byte) {
	const name = "colspan"
	switch {
	case h.attr < attrEq:
		switch k := int(h.attr - attrName); {
		case c|0x20 == name[k]:
			h.attr++
		case c|0x20 == 'c':
			h.attr = attrName + 1
		default:
			h.attr = attrName
		}
	case h.attr == attrEq:
		if c == '=' {
			h.attr = attrVal
		} else if c != ' ' {
			h.attr = attrName
		}
	case h.attr == attrVal:
		if c-'0' < 10 {
			h.span, h.attr = int(c-'0'), attrNum
		} else if c != ' ' && c != '"' && c != '\'' {
			h.attr = attrName
		}
	case h.attr == attrNum:
		if c-'0' < 10 && h.span < maxSpan {
			h.span = h.span*10 + int(c-'0')
		} else {
			h.attr = attrDone
		}
	}
}

// endCell ends the cell being read; a header cell's words give the label of
// each column it spans.
func (h *htmlTable) endCell() {
	if h.cell == 'h' {
		var lbl label
		if h.tlen <= len(h.text) {
			lbl = fieldLabel(h.text[:h.tlen])
		}
		for k := h.first; k < min(h.cells, htmlCols); k++ {
			h.row[k] = lbl
		}
	}
	h.cell = 0
}

// endRow ends the row being read: a row of two or more header cells and
// nothing else is the table's header from now on.
func (h *htmlTable) endRow() {
	h.endCell()
	if h.allTH && h.tags >= 2 {
		h.nhead = min(h.cells, htmlCols)
		h.head = h.row
	}
	h.cells, h.tags, h.allTH = 0, 0, false
}

// dashesEnding returns how many '-' (at most 2) end the bytes read so far,
// b after others that ended in carry of them.
func dashesEnding(b []byte, carry int) int {
	n := 0
	for n < 2 && n < len(b) && b[len(b)-1-n] == '-' {
		n++
	}
	if n == len(b) {
		n = min(2, n+carry)
	}
	return n
}

// addText adds the text b of a header cell, each run of white space as one
// space (an indented "<th>\n    Passport No\n  </th>" is short), and marks
// the text too long once it no longer fits.
func (h *htmlTable) addText(b []byte) {
	for _, c := range b {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if h.tlen == 0 || h.tlen <= len(h.text) && h.text[h.tlen-1] == ' ' {
				continue
			}
			c = ' '
		}
		if h.tlen >= len(h.text) {
			h.tlen = len(h.text) + 1
			return
		}
		h.text[h.tlen] = c
		h.tlen++
	}
}

// textSep adds a space to the text of a header cell where a tag inside it
// ends a word ("<b>Passport</b><br>No").
func (h *htmlTable) textSep() {
	if h.cell == 'h' {
		h.addText([]byte{' '})
	}
}

// cellTag returns the index in line of the last "<td" or "<th", or -1.
func cellTag(line []byte) int {
	for i := len(line) - 1; i >= 0; i-- {
		i = bytes.LastIndexByte(line[:i+1], '<')
		if i < 0 {
			return -1
		}
		if i+3 < len(line) && line[i+1]|0x20 == 't' && (line[i+2]|0x20 == 'd' || line[i+2]|0x20 == 'h') &&
			!isWordByte(line[i+3]) {
			return i
		}
	}
	return -1
}

// fieldLabel returns what a column name ("Passport No", "Customer Mobile",
// "Order ID", "Voter Card No") says about each kind: for each kind, the
// bits for that kind of the last word of the name that says something about
// it. "Card" says "not a VID" and nothing about a voter ID: "Voter Card No"
// names a voter ID, and a 16-digit number under it is not a VID. When the
// last word that has a label is a date word ("Created At", "Updated"), it
// adds lblDate.
func fieldLabel(f []byte) label {
	var spans [maxWords][2]int
	n := splitWords(f, spans[:])
	var lbl label
	for k := n - 1; k >= 0; k-- {
		if w, _ := lookupWord(f[spans[k][0]:spans[k][1]]); w != lblNone {
			lbl |= w & lblDate
			break
		}
	}
	for ki := 0; ki < numBuiltin; ki++ {
		own := kindBit(ki) | negBit(ki)
		if ki == iMobile {
			own |= lblCell
		}
		for k := n - 1; k >= 0; k-- {
			if w, _ := lookupWord(f[spans[k][0]:spans[k][1]]); w&own != lblNone {
				lbl |= w & own
				break
			}
		}
	}
	return lbl
}

// column reports whether the input is in a <td> cell under a header row,
// and that header's label.
func (h *htmlTable) column() (inCell bool, lbl label) {
	if h.cell != 'd' || h.first >= h.nhead {
		return false, lblNone
	}
	return true, h.head[h.first]
}

// htmlTo moves the HTML table state over the bytes since the last call, up to
// data index p (never back: see csvTo), and returns its column. Scan does not
// change the committed state: the first change in a Scan is made to a copy.
func (l *loop) htmlTo(p int) (inCell bool, lbl label) {
	u := max(p-l.off, l.htmlAt)
	b := l.data[l.htmlAt+l.off : u+l.off]
	l.htmlAt = u
	if !l.htmlCopied && len(b) > 0 {
		if l.html.mode == hText && l.html.cell != 'h' && bytes.IndexByte(b, '<') < 0 {
			return l.html.column() // text outside tags and header cells changes nothing
		}
		*l.htmlScan = *l.html
		l.html, l.htmlCopied = l.htmlScan, true
	}
	l.html.advance(b)
	return l.html.column()
}
