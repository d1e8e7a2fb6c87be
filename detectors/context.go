package detectors

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode"

	"github.com/kavach-dev/kavach/internal/sepline"
)

// label is what a context word says about a nearby identifier: bit i (for
// the built-in kind with index i) says "this is one", bit 8+i says "this is
// something else" (a transaction, an order, a bank account).
type label uint16

const (
	lblNone   label = 0
	lblNeg    label = 0x3F00 // negative for every kind
	lblStrong label = 0x4000 // with lblNeg: names a payment or order reference
	lblCell   label = 0x0040 // with the mobile bit: names a mobile phone, not any phone
	// lblDate is a date or time word ("created", "updated", "ts"): negative
	// for a value that is a date and time written as one number (see
	// compactTime), and no label at all for any other value, which the
	// word does not name ("Profile updated: 2341 2341 2346"). It counts
	// only when the caller adds it to the relevant labels.
	lblDate label = 0x8000
)

// relevant returns the labels that say something about the kind with index
// ki: every kind, its negative, the strong negative, and for mobiles lblCell.
func relevant(ki int) label {
	rel := kindBit(ki) | negBit(ki) | 0x3F | lblStrong
	if ki == iMobile {
		rel |= lblCell
	}
	return rel
}

// kindBit returns the label bit that says "this is a <kind>".
func kindBit(i int) label { return 1 << uint(i) }

// negBit returns the label bit that says "this is not a <kind>".
func negBit(i int) label { return 1 << uint(8+i) }

// wordEntry is a word of wordTable: the label of a context word (English or
// Hindi, lower case), and whether the word is generic (see genericWords).
// key holds the word eight bytes to an element, zero-padded, so that a
// lookup compares it as four integers. word is "" in an empty slot.
type wordEntry struct {
	key     wordKey
	word    string
	lbl     label
	generic bool
}

// wordKey is a word of up to 32 bytes in lower case, read eight bytes to an
// element, zero-padded.
type wordKey [4]uint64

// wordTable holds the context words and the generic key words in open
// addressing: a lookup hashes the word once and allocates nothing. Words
// are matched whole and case-insensitively; "pan" does not match "company".
var wordTable [1024]wordEntry

// wordFilter[n][b] has bit lastBit(c) set when some word of wordTable has n
// bytes, starts with b and ends with c (lower case): most words are rejected
// without hashing them.
var wordFilter [33][256]uint32

// lastBit is the bit of wordFilter for the last byte c of a word.
func lastBit(c byte) uint32 { return 1 << ((c | 0x20) & 31) }

// set makes k, which must be zero, the key of w, 1 to 32 bytes, with ASCII
// letters in lower case: it writes only the elements that w covers. It
// reads w eight bytes at a time, and its last one to seven bytes
// with overlapping loads, never past the end of w; it stores each element
// once, as slot reads it (a copy into a buffer, or a key returned by value,
// stores the bytes one way and loads them another, which stalls the load).
func (k *wordKey) set(w []byte) {
	n := len(w)
	for i := 0; i+8 <= n; i += 8 {
		k[i>>3] = lowerASCII(binary.LittleEndian.Uint64(w[i:]))
	}
	if r := n & 7; r != 0 {
		t := w[n-r:]
		var x uint64
		if r >= 4 {
			x = uint64(binary.LittleEndian.Uint32(t)) | uint64(binary.LittleEndian.Uint32(t[r-4:]))<<(8*(r-4))
		} else {
			x = uint64(t[0]) | uint64(t[r>>1])<<(8*(r>>1)) | uint64(t[r-1])<<(8*(r-1))
		}
		k[(n>>3)&3] = lowerASCII(x)
	}
}

// lowerASCII turns the ASCII capitals of the eight bytes of x into lower
// case: bit 7 of each byte of up is set for 'A' to 'Z'.
func lowerASCII(x uint64) uint64 {
	up := inRange(x&^msb, 'A', 'Z') &^ x
	return x | up>>2
}

// slot returns the slot of wordTable for the word of n bytes with key k:
// the slot holding it, or the empty slot where it goes. The table is never
// more than half full (see init), so the probe ends.
func slot(k *wordKey, n int) *wordEntry {
	h := uint64(n) * 0x9E3779B97F4A7C15
	for i := 0; i < n; i += 8 {
		h = (h ^ k[i>>3]) * 0xFF51AFD7ED558CCD
	}
	for j := uint32(h >> 32); ; j++ {
		e := &wordTable[j%uint32(len(wordTable))]
		if e.word == "" || len(e.word) == n && e.key == *k {
			return e
		}
	}
}

// addWord adds w to wordTable, and returns its entry.
func addWord(w string) *wordEntry {
	if len(w) == 0 || len(w) > 32 || strings.ContainsFunc(w, unicode.IsUpper) {
		panic("kavach: context word empty, longer than 32 bytes or not in lower case: " + w)
	}
	var k wordKey
	k.set([]byte(w))
	e := slot(&k, len(w))
	e.key, e.word = k, w
	wordFilter[len(w)][w[0]] |= lastBit(w[len(w)-1])
	return e
}

// addWords adds words to wordTable with the label lbl.
func addWords(lbl label, words ...string) {
	for _, w := range words {
		addWord(w).lbl |= lbl
	}
}

// genericWords are key words that say nothing about the kind of the value
// they name: "no", "id", "number"; the HTML around a value (<input id="pp"
// name="pp" value="...">, <td>); the parts of bank statement narrations
// (UPI/CR/<rrn>/NAME/handle, IMPS/P2A/<rrn>/..., P2M: so the single
// letters "a" and "m", the article among them, are generic); Hindi
// abbreviations of "number" (नं., क्र.); the keys of KYC documents and of
// chat messages in JSON ({"documentType":"PASSPORT","documentNumber":...},
// {"role":"user","content":...}).
var genericWords = []string{"no", "id", "num", "nr", "number", "value", "val", "doc", "docno", "idno", "ids",
	"nos", "numbers", "name", "class", "type", "input", "label", "td", "tr", "th", "span", "div", "li", "p",
	"b", "strong", "dd", "dt", "br", "cr", "dr", "a", "m", "document", "ovd", "content", "message", "text", "role",
	"user", "assistant", "संख्या", "नंबर", "नम्बर", "नं", "क्रमांक", "क्र", "सं", "आईडी"}

func init() {
	addWords(kindBit(iAadhaar), "aadhaar", "aadhar", "adhar", "aadhaarno", "aadharno", "uid", "uidai",
		"आधार", "आधारसंख्या")
	addWords(kindBit(iVID), "vid", "virtual", "virtualid", "वीआईडी", "वर्चुअल")
	addWords(kindBit(iPAN), "pan", "panno", "pancard", "pannumber", "permanent", "पैन")
	addWords(kindBit(iPassport), "passport", "passportno", "passportnumber", "pp", "ppno", "ppt", "pptno", "pasport", "पासपोर्ट", "पारपत्र")
	addWords(kindBit(iVoter), "voter", "voterid", "epic", "elector", "electoral", "election", "मतदाता",
		"वोटर", "मतदार", "ओळखपत्र", "voters", "electors", "निर्वाचक")
	addWords(kindBit(iMobile)|lblCell, "mobile", "mob", "mobileno", "mobilenumber", "cell", "cellphone",
		"msisdn", "whatsapp", "sms", "otp", "मोबाइल")
	addWords(kindBit(iMobile), "phone", "phoneno", "ph", "tel", "telephone", "contact", "contactno", "call",
		"vpa", "फोन", "फ़ोन", "फ़ोन", "संपर्क")
	// Payment and order references: when one keys the number, a kind named
	// earlier on the line does not win over it ("Aadhaar Pay RRN 4380...").
	addWords(lblNeg|lblStrong, "rrn", "utr", "txn", "txnid", "trxn", "transaction", "order", "orders", "orderid",
		"invoice", "invoices", "transactions", "txns", "आरआरएन", "यूटीआर", "ऑर्डर", "लेनदेन")
	addWords(lblNeg, "refs",
		"inv", "ref", "refno", "reference", "sku", "build", "version", "ver", "pnr", "awb", "tracking",
		"batch", "lot", "serial", "model", "part", "hash", "commit", "release", "ticket", "booking",
		"item", "code", "product", "catalog", "ean", "upc", "barcode", "lotno", "coupon", "voucher",
		"amount", "amt", "price", "total", "balance", "संदर्भ", "रेफरेंस",
		// Measurements and counters in logs.
		"bytes", "size", "len", "length", "offset", "max", "min", "used", "free", "heap", "mem", "memory",
		"committed", "count", "duration", "latency", "elapsed", "ms", "ns", "millis", "nanos",
		"port", "pid", "tid", "seq", "sequence", "checksum", "crc", "nonce",
		// Business reference numbers.
		"policy", "application", "appl", "loan", "cif", "folio", "consumer", "ack", "acknowledgement",
		"msgid", "dlr", "roll", "registration", "regn", "claim", "receipt", "challan", "bill", "eway", "ewaybill",
		"complaint", "isbn", "पीएनआर", "रसीद", "टिकट", "आवेदन", "पॉलिसी", "पंजीकरण", "बुकिंग", "बिल", "चालान",
		"राशि",
		// Bank statement narrations: card payments, cash, mandates, transfers.
		"pos", "atm", "cash", "ach", "inft")
	// Dates and times written as one number (202611010000).
	addWords(lblDate, "date", "datetime", "created", "updated", "modified", "timestamp", "ts", "epoch")
	// A landline or fax number is a phone, not a mobile.
	addWords(negBit(iMobile), "landline", "fax")
	// Twelve and sixteen digits are also bank accounts, EPFO UANs and cards.
	addWords(negBit(iAadhaar)|negBit(iVID)|negBit(iMobile), "account", "acct", "acc", "acno", "accno",
		"accountno", "खाता")
	addWords(negBit(iAadhaar)|negBit(iVID), "uan", "epf", "ifsc", "upi", "neft", "imps", "rtgs", "यूपीआई")
	addWords(negBit(iVID), "card", "credit", "debit", "visa", "mastercard", "rupay")
	for _, w := range genericWords {
		addWord(w).generic = true
	}
	n := 0
	for _, e := range wordTable {
		if e.word != "" {
			n++
		}
	}
	if 2*n > len(wordTable) {
		panic("detectors: wordTable is more than half full")
	}
}

// Context outcomes.
const (
	ctxNone = iota
	ctxPos
	ctxNeg
	ctxOther // nearest label names another kind
)

// contextOf returns what the context of a finding at data[start:end] says
// about the kind with index ki: nothing, that it is one, that it is something
// else, or that it is another kind (see contextLabel).
func (l *loop) contextOf(ki int, start, end int) int {
	bit := kindBit(ki)
	lbl := l.contextLabel(ki, start, end)
	switch {
	case lbl == lblNone:
		return ctxNone
	case lbl&bit != 0:
		return ctxPos
	case lbl&(negBit(ki)|lblDate) != 0:
		return ctxNeg
	}
	return ctxOther
}

// contextLabel returns the label that decides the context of a finding at
// data[start:end] for the kind with index ki. In order, the first that holds
// a label decides: the words before it in its own field (on its own line; in
// CSV mode up to the field's delimiter, in an HTML table up to its <td>), the
// header of its CSV column or HTML table column, the words before that on the
// same line, a kind named in the first words after it on the same line when
// it is this kind, the previous line when the finding's line starts with a
// short prefix ("ID Number: " after "ID Type: Passport"), and a kind named
// after it.
func (l *loop) contextLabel(ki int, start, end int) label {
	bit := kindBit(ki)
	rel := relevant(ki)
	if compactTime(l.data[start:end]) {
		rel |= lblDate
	}
	inCell, cellLabel := l.htmlTo(start) // the header of an HTML table is context too
	field, line, prev := l.labelsBefore(ki, start, inCell, rel)
	lbl := field
	if lbl == lblNone && l.csvOn {
		lbl = l.colLabel & rel
	}
	if lbl == lblNone {
		lbl = cellLabel & rel
	}
	if lbl == lblNone {
		lbl = line
	}
	if lbl == lblNone && prev&bit == 0 {
		// After the number only a kind counts ("9876543210 (mobile)"): a
		// negative word there keys the next value ("to=9198... msgid=...").
		// Said on the number's own line, it wins over another kind named
		// on the line above ("Please call us.\nG3749587 (passport)").
		if after := l.labelAfter(end, rel) & (0x3F | lblCell); after&bit != 0 || prev == lblNone {
			lbl = after
		}
	}
	if lbl == lblNone {
		lbl = prev
	}
	if lbl == lblNone && !l.csvOn && !inCell {
		lbl = typeSibling(l.before(start))
	}
	return lbl
}

// compactTime reports whether v is a date and time written as one number
// with a four-digit year, as logs and file names write them: 12 or 14 ASCII
// digits, YYYYMMDDhhmm or DDMMYYYYhhmm, then perhaps the seconds. A date
// word before such a number names it a time ("created 202611221030");
// before any other value it says nothing (see lblDate).
func compactTime(v []byte) bool {
	if len(v) != 12 && len(v) != 14 || !isDigits(v) {
		return false
	}
	var n [7]int // the two-digit numbers of v
	for i := range len(v) / 2 {
		n[i] = int(v[2*i]-'0')*10 + int(v[2*i+1]-'0')
	}
	century := func(c int) bool { return c == 19 || c == 20 }
	ymd := century(n[0]) && n[2] >= 1 && n[2] <= 12 && n[3] >= 1 && n[3] <= 31
	dmy := century(n[2]) && n[0] >= 1 && n[0] <= 31 && n[1] >= 1 && n[1] <= 12
	return (ymd || dmy) && n[4] <= 23 && n[5] <= 59 && n[6] <= 59
}

// maxSiblings bounds the members of a JSON object that typeSibling reads.
const maxSiblings = 8

// typeSibling returns the kinds named as the value of a type key ("type",
// "docType", "id_type", "kind", "category") of the JSON object whose member
// ends w with its key, ':' and the opening quote of its value, when that key
// says nothing of the value's kind ("number", "docNumber", "value", "id_no"):
// {"type":"passport","country":"IN","number":"J6932157"}. It reads up to
// maxSiblings members back to the object's '{', each whole within w, and
// steps over nested values; it returns lblNone for anything else.
func typeSibling(w []byte) label {
	i := len(w)
	if i > 0 && w[i-1] == '"' {
		i--
	}
	var key int
	if key, i = memberKey(w, i); key < 0 || !keyIs(w[key:i-1], false) {
		return lblNone
	}
	i = key
	for range maxSiblings {
		i = spaceBack(w, i)
		if i == 0 || w[i-1] != ',' {
			return lblNone // the object's '{', or not JSON
		}
		// The member before: its value, then its key.
		end := spaceBack(w, i-1)
		start := valueStart(w, end)
		if start < 0 {
			return lblNone
		}
		k, j := memberKey(w, start)
		if k < 0 {
			return lblNone
		}
		if w[start] == '"' && keyIs(w[k:j-1], true) {
			var spans [4][2]int
			v := w[start+1 : end-1]
			var lbl label
			for _, s := range spans[:splitWords(v, spans[:])] {
				l, _ := lookupWord(v[s[0]:s[1]])
				lbl |= l & 0x3F
			}
			return lbl
		}
		i = k
	}
	return lblNone
}

// memberKey reads back from w[:i], which ends with the ':' after a JSON key
// and perhaps spaces, to the key: it returns the index of the key's opening
// quote, and the index just after its closing quote; k is -1 when w[:i] does
// not end so.
func memberKey(w []byte, i int) (k, j int) {
	i = spaceBack(w, i)
	if i == 0 || w[i-1] != ':' {
		return -1, 0
	}
	j = spaceBack(w, i-1)
	if j == 0 || w[j-1] != '"' {
		return -1, 0
	}
	if k = stringStart(w, j); k < 0 {
		return -1, 0
	}
	return k, j
}

// keyIs reports whether the words of the JSON key k say nothing of the kind
// of its value (genericWords) and, when typ, whether one of them is "type",
// "kind" or "category": a type key.
func keyIs(k []byte, typ bool) bool {
	var spans [4][2]int
	n := splitWords(k, spans[:])
	if n == 0 || n == len(spans) {
		return false
	}
	named := false
	for _, s := range spans[:n] {
		word := k[s[0]:s[1]]
		if bytes.EqualFold(word, []byte("type")) ||
			typ && (bytes.EqualFold(word, []byte("kind")) || bytes.EqualFold(word, []byte("category"))) {
			named = true
			continue
		}
		if lbl, gen := lookupWord(word); !gen || lbl != lblNone {
			return false
		}
	}
	return named == typ
}

// spaceBack returns i less the JSON white space that ends w[:i].
func spaceBack(w []byte, i int) int {
	for i > 0 && (w[i-1] == ' ' || w[i-1] == '\t' || w[i-1] == '\n' || w[i-1] == '\r') {
		i--
	}
	return i
}

// stringStart returns the index of the opening quote of the JSON string
// whose closing quote is w[j-1], or -1 when it does not start in w.
func stringStart(w []byte, j int) int {
	for k := j - 2; k >= 0; k-- {
		if w[k] != '"' {
			continue
		}
		n := 0
		for k-n > 0 && w[k-n-1] == '\\' {
			n++
		}
		if n%2 == 0 {
			return k
		}
	}
	return -1
}

// valueStart returns the index where the JSON value that ends w[:end]
// starts: a string, an object or array (read back to its opening bracket,
// over the strings inside), or a literal; -1 when it does not start in w.
func valueStart(w []byte, end int) int {
	if end == 0 {
		return -1
	}
	switch w[end-1] {
	case '"':
		return stringStart(w, end)
	case '}', ']':
		depth := 0
		for k := end - 1; k >= 0; k-- {
			switch w[k] {
			case '"':
				if k = stringStart(w, k+1); k < 0 {
					return -1
				}
			case '}', ']':
				depth++
			case '{', '[':
				if depth--; depth == 0 {
					return k
				}
			}
		}
		return -1
	}
	k := end
	for k > 0 && (isLower(w[k-1]|0x20) || w[k-1]-'0' < 10 || w[k-1] == '.' || w[k-1] == '-' || w[k-1] == '+') {
		k--
	}
	if k == end {
		return -1
	}
	return k
}

const (
	ctxBefore  = 160 // bytes of context looked at before a finding
	ctxAfter   = 32  // bytes of context looked at after a finding
	ctxPrefix  = 40  // longest line prefix after which the previous line counts
	ctxSpeaker = 64  // the same, in characters, for a prefix that ends in ':' (a chat message's sender)
	maxWords   = 32
)

// before returns the context read before a finding at data index start: at
// most ctxBefore bytes, within what a candidate may read (see lo).
func (l *loop) before(start int) []byte {
	return l.data[max(start-ctxBefore, l.lo(start)):start]
}

// labelsBefore returns the labels of the nearest context words before start
// (rel: the labels relevant to the finding): within the finding's field,
// elsewhere on its line, and on the previous line. inCell says that start is
// in a cell of an HTML table under a header: the cell is the field.
func (l *loop) labelsBefore(ki, start int, inCell bool, rel label) (field, line, prev label) {
	w := l.before(start)
	lo := start - len(w)
	partial := lo > 0 && isWordByte(l.data[lo-1])
	plainText := !l.csvOn && !inCell
	if plainText {
		// Outside a CSV field and a table cell the whole line before the
		// finding is its field; nearestLabel stops at the line's start
		// itself. A label there decides (see contextLabel), and the line's
		// start is not needed.
		var m *labelMemo
		var tail [2]uint64 // the last memoBytes bytes of w
		// A date word reads differently before a compact time: the memo,
		// kept by kind and the bytes before, is only for other values.
		keyed := len(w) >= memoBytes && !fullExam && rel&lblDate == 0
		if keyed {
			tail = [2]uint64{binary.LittleEndian.Uint64(w[len(w)-16:]), binary.LittleEndian.Uint64(w[len(w)-8:])}
			// The slot: from the last three bytes, which every key holds.
			x := tail[1] >> 40
			m = &l.memo[ki][(x^x>>8^x>>16)%memoWays]
			if m.lbl != lblNone && tail[0]&m.mask[0] == m.key[0] && tail[1]&m.mask[1] == m.key[1] {
				return m.lbl, lblNone, lblNone
			}
		}
		var from int
		if field, from = nearestLabel(w, partial, rel); field != lblNone {
			if n := len(w) - from; keyed && from >= 0 && n <= memoBytes {
				// Remember the last n bytes of w.
				m.mask = [2]uint64{^uint64(0) << (8 * min(8, 16-n)), ^uint64(0) << (8 * max(0, 8-n))}
				m.key = [2]uint64{tail[0] & m.mask[0], tail[1] & m.mask[1]}
				m.lbl = field
			}
			return field, lblNone, lblNone
		}
	}
	nl := lastIndexByte(w, '\n')
	cur := w[nl+1:]
	fcut := -1
	if !plainText { // else field is lblNone, read above
		if l.csvOn {
			fcut = bytes.LastIndexAny(cur, "\"\t,;|")
		} else {
			fcut = cellTag(cur) // "<td": words in the cell come before the header
		}
		line, _ = nearestLabel(cur[fcut+1:], partial && nl < 0 && fcut < 0, rel)
		if fcut >= 0 && line != lblNone {
			field = line
			line = lblNone
		} else if fcut >= 0 {
			line, _ = nearestLabel(cur[:fcut], partial && nl < 0, rel)
		} else {
			field, line = line, lblNone
		}
	}
	// In a block of "Key: value" lines the kind may be named a line or two
	// above: "ID Type: Passport\nIssuing Country: India\nID Number: ...".
	// In a CSV table the line above is another row; in a cell of an HTML
	// table under a header, only lines of the same cell count. A label on
	// the finding's own line wins (see contextLabel): then they are not read.
	p := w[:max(nl, 0)]
	short := nl >= 0 && shortPrefix(cur) && !l.csvOn && !(inCell && fcut >= 0) &&
		field == lblNone && line == lblNone
	for k := 0; k < 3 && short && prev == lblNone; k++ {
		if len(p) > 0 && p[len(p)-1] == '\r' {
			p = p[:len(p)-1]
		}
		pn := lastIndexByte(p, '\n')
		line := p[pn+1:]
		if len(bytes.TrimSpace(line)) == 0 {
			break // a blank line ends the block
		}
		cell := -1
		if inCell {
			if cell = cellTag(line); cell >= 0 {
				line = line[cell:] // the line where the cell starts
			}
		}
		// Only a kind named above counts: a "Reference ID:" two lines up
		// keys its own value, not this one.
		prev, _ = nearestLabel(line, partial && pn < 0 && cell < 0, rel)
		prev &= 0x3F | lblCell
		if pn < 0 || cell >= 0 {
			break
		}
		short = len(line) <= 2*ctxPrefix
		p = p[:pn]
	}
	return field, line, prev
}

// shortPrefix reports whether the start of a line before a finding is short
// enough for the lines above to name it: ctxPrefix bytes, or ctxSpeaker
// characters when it ends in ':' and spaces, as the sender of a chat message
// does ("22/11/2026, 10:16 am - Ravi Kumar Sharma: ").
func shortPrefix(cur []byte) bool {
	if len(cur) <= ctxPrefix {
		return true
	}
	t := bytes.TrimRight(cur, " \t")
	if len(t) == 0 || t[len(t)-1] != ':' {
		return false
	}
	// Characters: bytes that do not continue one. (utf8.RuneCount converts
	// non-ASCII text to a string, which allocates past 32 bytes.)
	n := 0
	for _, c := range cur {
		if !isCont(c) {
			n++
		}
	}
	return n <= ctxSpeaker
}

// memoBytes is the length of the key of a labelMemo: the bytes before a
// finding that decide its label when the word just before it names a kind.
// memoWays is the number of labelMemo per kind, for logs that mix a few
// templates.
const (
	memoBytes = 16
	memoWays  = 4
)

// labelMemo remembers the label that nearestLabel found before a finding
// when the word just before it named a kind, with the bytes before the
// finding that nearestLabel read (see its from; at most memoBytes,
// `,"mobile":"+91 `): lines of a log written from a few templates give the
// same label again without reading words. key holds those bytes as the last
// memoBytes bytes before a finding read as two integers, masked with mask.
// lbl is lblNone when nothing is remembered. A Scanner holds memoWays of them
// for each kind, chosen by the last three bytes before the finding.
type labelMemo struct {
	key, mask [2]uint64
	lbl       label
}

// nearestLabel returns the label of the last labelled word in w, reading
// words backward from the end and stopping at the first label, or at the
// last line break in w as at the start of w. When partial, the first word of
// w was cut by the window and is ignored.
//
// When the label names a kind and no word before it keyed the value as
// something else, from is the lowest index of w whose byte nearestLabel
// read: the label is the same for any w that ends with the bytes w[from:].
// Otherwise, and when it would have read before w's start, from is -1.
func nearestLabel(w []byte, partial bool, rel label) (lbl label, from int) {
	own := rel >> 8 & 0x3F // the positive bit of the kind asked about
	generic := true        // every word passed so far says nothing of the value's kind
	var neg label          // a word that keys the value as something else
	j := len(w)
	low := len(w)   // the lowest index of w read so far; negative: before w
	var carry uint8 // the kinds of a gap read before a masked value (see below)
	for words := 0; words < maxWords; words++ {
		// The gap before the next word (backward), and its kinds: those of
		// its bytes, but for percent escapes and other scripts (gapKind).
		g, gap, slow := j, carry, false
		for g > 0 {
			if w[g-1] == ';' {
				// An HTML character reference ("Passport No.&nbsp;<b>")
				// is part of the gap, as the space it stands for is.
				low = min(low, g-maxEntity)
				if n := entityBefore(w, g); n > 0 {
					g -= n
					continue
				}
			}
			k := gapBytes[w[g-1]]
			if k&(gapLine|gapWord) != 0 {
				if k&gapLine != 0 || isWordEnd(w, g) {
					break
				}
				slow = true
			}
			gap |= k
			g--
		}
		if g == 0 || w[g-1] == '\n' {
			return neg, -1
		}
		if slow {
			gap = gapKind(w[g:j]) | carry
		}
		carry = 0
		low = min(low, g-3) // isWordEnd reads up to three bytes back
		if words > 0 && neg != lblNone && gap&gapClause != 0 {
			// "for aadhaar XXXX (txn 604818574917)": the clause ended;
			// "Aadhaar No. 6790... rrn=3271...": a kind named before
			// another value names that value.
			return neg, -1
		}
		if words > 0 && gap&gapValue != 0 {
			// Words beyond a value boundary ("amount=12 currency=INR key=")
			// name an earlier value, not this one, unless every word so far
			// is generic: {"type": "passport", "number": ...}, or HTML
			// attributes (<input id="pp" name="pp" value=...>).
			if !generic || neg != lblNone {
				return neg, -1
			}
		}
		i, wl := wordStart(w, g)
		low = min(low, wl)
		if i == 0 && partial {
			return neg, -1
		}
		word := w[i:g]
		if i > 0 && isUpper(w[i]) && isLower(w[i-1]) {
			// A word in camel case that is a context word whole
			// ("WhatsApp"), not only in its parts ("mobileNo").
			if j0, jl := wordStart(w, i); j0 < i && !(j0 == 0 && partial) {
				low = min(low, jl)
				if lbl, _ := lookupWord(w[j0:g]); lbl != lblNone {
					word, i = w[j0:g], j0
				}
			}
		}
		if (word[0]|0x20) == 'c' && len(word) == 1 {
			low = min(low, i-2)
			if i >= 2 && w[i-1] == '/' && (w[i-2]|0x20) == 'a' {
				word, i = wordAccount, i-2 // "A/c"
			}
		}
		ph, pl := placeholder(w, i, g)
		low = min(low, pl)
		if !ph {
			var tl int
			ph, tl = tokenTail(w, i, g)
			low = min(low, tl)
		}
		if ph || maskRun(w, i, g) {
			// "[MOBILE]", "[AADHAAR:3f9a…]", "XXXXX:X9499": a value
			// replaced by kavach (or another redactor) reads as the
			// digits it replaced did, part of a gap that ends a clause,
			// so that a second pass reads the context the first read
			// ("aadhaar XXXXXXXX bank RRN 5320...": a masked value
			// between ends the clause that names it).
			carry = gap | gapClause
			j = i
			words--
			continue
		}
		lbl, gen := lookupWord(word)
		if lbl &= rel; lbl != lblNone {
			switch {
			case lbl&0x3F != 0 && neg == lblNone:
				// What was read: the gaps, the words, and the bytes before
				// each word that isWordEnd, wordStart, inEscape and
				// placeholder look at ("%2apan" is the word "pan",
				// "x2apan" the word "apan"; "ALT_PHONE" is read back to
				// the byte before the 'A').
				return lbl, max(low, -1)
			case lbl&own != 0 && neg&lblStrong == 0:
				// "Aadhaar number seeded with bank account: 2345 ...": the
				// kind named earlier in the same clause wins, unless a
				// payment reference keys the number ("Aadhaar Pay RRN
				// 4380...") or another value lies between (see above).
				return lbl, -1
			case lbl&0x3F == 0 && generic && neg == lblNone:
				// A word that says "something else" counts only when it keys
				// the value ("order 123", "order_id=", "Policy No."), not
				// across other words ("order placed by 9876543210").
				neg = lbl
				if neg&lblStrong != 0 {
					// Nothing further back wins over a payment reference
					// (see the cases above).
					return neg, -1
				}
			}
		}
		generic = generic && gen
		j = i
	}
	return neg, -1
}

// The kinds of bytes found between two words, as gapKind reports them.
const (
	gapClause = 1 << iota // a bracket, a quote or a digit: a clause or another value ends
	gapValue              // '=', ':', ',', '&', ';', a brace, '|' or a tab: a value boundary
	gapLine               // a line break: nearestLabel stops (gapBytes only)
	gapWord               // a letter, '%' or a byte >= 0x80: perhaps the end of a word (gapBytes only)
)

// gapBytes maps a byte to its gap kind, and to gapLine and gapWord, which
// nearestLabel tests while it reads a gap.
var gapBytes [256]uint8

func init() {
	gapBytes['\n'] = gapLine
	for c := 0; c < 256; c++ {
		if c >= 0x80 || c == '%' || isLower(byte(c)|0x20) {
			gapBytes[c] = gapWord
		}
	}
	for _, c := range "()[]\"0123456789" {
		gapBytes[c] |= gapClause
	}
	for _, c := range "=:,&;{}|\t" {
		gapBytes[c] |= gapValue
	}
}

// gapKind returns the kinds of the bytes of the gap b. A percent escape
// counts as the byte it stands for ("txn%3D..."), and a digit of another
// script as a digit ("Aadhaar ३२९६... update. Ref no 9650...").
func gapKind(b []byte) uint8 {
	var k uint8
	high := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '%' {
			if d, ok := escByte(b[i:]); ok {
				c = d
				i += 2
			}
		}
		if c == '&' {
			if n := entityLen(b[i:]); n > 0 {
				i += n - 1 // an HTML character reference: as a space
				continue
			}
		}
		k |= gapBytes[c] & (gapClause | gapValue)
		high = high || c >= 0x80
	}
	for i := 0; high && k&gapClause == 0 && i < len(b); {
		cl, _, size := classify(b[i:])
		if cl == clDigit {
			k |= gapClause
		}
		i += max(size, 1)
	}
	return k
}

// maxEntity is the length of the longest HTML character reference that
// entityLen accepts ("&#x1F600;" is 9 bytes, "&thinsp;" 8).
const maxEntity = 10

// entityLen returns the length of the HTML character reference that b
// starts with ("&nbsp;", "&#160;", "&#xA0;"), or 0: '&', two to eight ASCII
// letters, or '#' and one to six decimal digits, or "#x" and one to five hex
// digits, then ';'.
func entityLen(b []byte) int {
	if len(b) < 4 || b[0] != '&' {
		return 0
	}
	// The name or number starts at i, is lo to hi bytes long, of bytes in.
	i, lo, hi, in := 1, 2, 8, func(c byte) bool { return isLower(c | 0x20) }
	if b[1] == '#' {
		i, lo, hi, in = 2, 1, 6, func(c byte) bool { return c >= '0' && c <= '9' }
		if b[2]|0x20 == 'x' {
			i, hi, in = 3, 5, isHex
		}
	}
	n := 0
	for i+n < len(b) && n <= hi && in(b[i+n]) {
		n++
	}
	if n < lo || n > hi || i+n >= len(b) || b[i+n] != ';' {
		return 0
	}
	return i + n + 1
}

// entityBefore returns the length of the HTML character reference that
// ends w[:g] (w[g-1] is ';'), or 0. It reads at most maxEntity bytes back.
func entityBefore(w []byte, g int) int {
	a := bytes.LastIndexByte(w[max(0, g-maxEntity):g], '&')
	if a < 0 {
		return 0
	}
	a += max(0, g-maxEntity)
	if entityLen(w[a:g]) != g-a {
		return 0
	}
	return g - a
}

var wordAccount = []byte("account")

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// isWordEnd reports whether a word ends at w[:g]: an ASCII letter (not a hex
// digit of a percent escape: "txn%C2%A0...") or the last byte of a
// Devanagari letter.
func isWordEnd(w []byte, g int) bool {
	b := w[g-1]
	if isLower(b) || isUpper(b) {
		return !inEscape(w, g-1)
	}
	return g >= 3 && w[g-3] == 0xE0 && (w[g-2] == 0xA4 || w[g-2] == 0xA5) && isDevaLetter(w[g-2], b)
}

// wordStart returns the start of the word ending at g (see splitWords for
// how camelCase and capital runs are split), and the lowest index of w it
// read, which is negative when it would have read before w's start.
func wordStart(w []byte, g int) (int, int) {
	i := g
	b := w[i-1]
	back := 2 // how far before the word's start it reads: inEscape(w, i)
	switch {
	case isLower(b):
		for i > 0 && isLower(w[i-1]) {
			i--
		}
		if i > 0 && isUpper(w[i-1]) {
			i--
		}
	case isUpper(b):
		for i > 0 && isUpper(w[i-1]) {
			i--
		}
	default:
		for i >= 3 && w[i-3] == 0xE0 && (w[i-2] == 0xA4 || w[i-2] == 0xA5) && isDevaLetter(w[i-2], w[i-1]) {
			i -= 3
		}
		// The loop read w[i-3] to stop: after a 0xE0 the bytes
		// "\xa4\x80" would be a Devanagari letter.
		back = 3
	}
	low := i - back
	for i < g && inEscape(w, i) {
		i++ // "%2Bpan": the word is "pan"
	}
	return i, low
}

// inEscape reports whether w[i] is a hex digit of a percent escape.
func inEscape(w []byte, i int) bool {
	return i >= 1 && w[i-1] == '%' && i+1 < len(w) && isHex(w[i]) && isHex(w[i+1]) ||
		i >= 2 && w[i-2] == '%' && isHex(w[i-1]) && isHex(w[i])
}

// labelAfter returns the label of the first context word (of the first three)
// after end on the same line; a word of the key of a next value
// ("epic_no=") is passed over. After a value that MySQL reports as a
// duplicate key, the words are those of the key's name.
func (l *loop) labelAfter(end int, rel label) label {
	hi := end + ctxAfter
	if hi > len(l.data) {
		hi = len(l.data)
	}
	w := l.data[end:hi]
	if i := bytes.IndexByte(w, '\n'); i >= 0 {
		w = w[:i]
	}
	if i := bytes.IndexByte(w, '}'); i >= 0 {
		// The end of a JSON object: what follows names another value
		// (`"number":"H8515352"},{"type":"pan",...`).
		w = w[:i]
	}
	if l.csvOn {
		// This field and the next: "S3655008,Passport,..." names the kind
		// in the column after the number.
		if i := bytes.IndexByte(w, l.hdr.delim); i >= 0 {
			if k := bytes.IndexByte(w[i+1:], l.hdr.delim); k >= 0 {
				w = w[:i+1+k]
			}
		}
	}
	var spans [maxWords][2]int
	n := splitWords(w, spans[:])
	// The last word may be cut by the window (not by a newline or a
	// delimiter); then it is ignored.
	if n > 0 && spans[n-1][1] == len(w) && end+len(w) == hi && hi < len(l.data) && isWordByte(l.data[hi]) {
		n--
	}
	// The first three words, or in MySQL's "Duplicate entry '<value>' for
	// key '<table>.<index>'" the first four of the index's name
	// ("users.passport_no_UNIQUE", "uk_customer_mobile").
	first, most := 0, 3
	if bytes.HasPrefix(w, duplicateKey) {
		first, most = 2, 6 // after "for key", four words
	}
	n = min(n, most)
	// What placeholder reads: the window and one byte after it (which
	// contextCut makes sure of). A label may be cut short only when the
	// input goes on after the window.
	pw := l.data[end:min(len(l.data), hi+1)]
	cut := hi < len(l.data)
	for i := first; i < n; i++ {
		if keyWord(w, spans[i][1]) {
			continue // "TKO1426031, epic_no=PRN...": the key of the next value
		}
		if ph, _ := placeholder(pw, spans[i][0], spans[i][1]); ph || cut && openPlaceholder(pw, spans[i][0]) {
			continue // "2.0X [MOBILE]": a replacement, as in nearestLabel
		}
		if lbl, _ := lookupWord(w[spans[i][0]:spans[i][1]]); lbl&rel != lblNone {
			return lbl & rel
		}
	}
	return lblNone
}

// duplicateKey is what follows the value in MySQL's error for a duplicate
// key.
var duplicateKey = []byte("' for key '")

// keyWord reports whether the word of w ending at e is part of the key of a
// value that follows: the rest of the key ("_no", "No"), then perhaps a dot,
// quotes and one space, then '=' or ':' ("epic_no=", "\"type\": ").
func keyWord(w []byte, e int) bool {
	for e < len(w) && (asciiAlnum(w[e]) != clOther || w[e] == '_') {
		e++
	}
	if e < len(w) && w[e] == '.' {
		e++
	}
	for e < len(w) && (w[e] == '"' || w[e] == '\'') {
		e++
	}
	if e < len(w) && w[e] == ' ' {
		e++
	}
	return e < len(w) && (w[e] == '=' || w[e] == ':')
}

func isWordByte(b byte) bool {
	return b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// splitWords finds the words in w: runs of ASCII letters, split where a lower
// case letter is followed by an upper case one (camelCase) and before the last
// capital of a capital run followed by a small letter (PANNumber), and runs of
// Devanagari letters (U+0900..U+097F, not digits or dandas).
func splitWords(w []byte, spans [][2]int) int {
	n := 0
	i := 0
	for i < len(w) && n < len(spans) {
		b := w[i]
		switch {
		case b|0x20 >= 'a' && b|0x20 <= 'z':
			j := i + 1
			for j < len(w) {
				c := w[j]
				if !(c|0x20 >= 'a' && c|0x20 <= 'z') {
					break
				}
				prevLower := w[j-1] >= 'a'
				if prevLower && c < 'a' { // camelCase boundary
					break
				}
				if !prevLower && c < 'a' && j+1 < len(w) && w[j+1] >= 'a' && w[j+1] <= 'z' && j-i >= 2 {
					break // PANNumber: split before "Number"
				}
				j++
			}
			spans[n] = [2]int{i, j}
			n++
			i = j
		case b == 0xE0 && i+2 < len(w) && (w[i+1] == 0xA4 || w[i+1] == 0xA5) && isDevaLetter(w[i+1], w[i+2]):
			j := i
			for j+2 < len(w) && w[j] == 0xE0 && (w[j+1] == 0xA4 || w[j+1] == 0xA5) && isDevaLetter(w[j+1], w[j+2]) {
				j += 3
			}
			spans[n] = [2]int{i, j}
			n++
			i = j
		default:
			i++
		}
	}
	return n
}

// isDevaLetter reports whether E0 b1 b2 is a Devanagari character that is part
// of a word: not a digit (U+0966..U+096F) nor a danda (U+0964, U+0965), nor
// invalid UTF-8 (b2 not a continuation byte: "\xe0\xa4 " is no word).
func isDevaLetter(b1, b2 byte) bool {
	if b2&0xC0 != 0x80 || b1 == 0xA5 && b2 >= 0xA4 && b2 <= 0xAF {
		return false
	}
	return true
}

// lookupWord returns the label of word w, compared case-insensitively, and
// whether w is a generic key word.
func lookupWord(w []byte) (label, bool) {
	if len(w) == 0 || len(w) > 32 || wordFilter[len(w)][w[0]|0x20]&lastBit(w[len(w)-1]) == 0 {
		return lblNone, false
	}
	var k wordKey
	k.set(w)
	e := slot(&k, len(w))
	return e.lbl, e.generic
}

// Column labels from a CSV header line.
const maxCols = 128

// csvHeader is what the scanner learned from the first line of a stream that
// looks like a CSV header: the delimiter and one label per column.
type csvHeader struct {
	on     bool
	delim  byte
	ncol   int
	labels [maxCols]label
}

// parseHeader decides whether line (a line near the start of a stream,
// without the newline) is a delimited header: at least two fields split by
// one of sepline.Delims (delim, or when delim is 0 the one the line holds most
// of), every field short and made of words. It returns the header.
func parseHeader(line []byte, delim byte) csvHeader {
	var h csvHeader
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return h // JSON
	}
	best, bestN := delim, 0
	if delim != 0 {
		bestN = bytes.Count(line, []byte{delim})
	} else {
		for _, d := range []byte(sepline.Delims) {
			if n := bytes.Count(line, []byte{d}); n > bestN {
				best, bestN = d, n
			}
		}
	}
	if bestN < 1 || bestN+1 > maxCols {
		return h
	}
	fields := 0
	start := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != best {
			continue
		}
		f := bytes.TrimSpace(line[start:i])
		if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
			f = f[1 : len(f)-1]
		}
		if len(f) == 0 || len(f) > 48 || !headerField(f) {
			return csvHeader{}
		}
		h.labels[fields] = fieldLabel(f)
		fields++
		start = i + 1
	}
	h.on, h.delim, h.ncol = true, best, fields
	return h
}

// headerLines is the number of lines of a stream among which findHeader
// looks for a CSV header: exports of banks and registries put a title, a
// branch, a date and a blank line above it. Below the first titleLines
// lines, a header must name a kind in one of its columns: after a mail's
// Subject, From and To lines, two lines with one comma each ("Hi Ravi,
// your order is confirmed") are no table.
const (
	headerLines = 8
	titleLines  = 3
)

// findHeader looks for a CSV header among the first headerLines lines of a
// stream (in its first headerMax bytes; b holds them, or all of a shorter
// stream when atEOF): a line that parseHeader accepts (below the first
// titleLines, one that names a kind), followed by a line with the same
// number of fields. Before the header may come title lines (titleLike)
// or a first line "sep=;" (see package sepline), whose delimiter the header
// must then use. It reports need when b is too short to decide.
func findHeader(b []byte, atEOF bool) (h csvHeader, need bool) {
	if len(b) > headerMax {
		b = b[:headerMax]
	}
	whole := atEOF || len(b) == headerMax // b holds all it will hold
	// nextLine returns the line at i and where the one after starts, or
	// ok == false when the line is cut by the end of b and more may come.
	nextLine := func(i int) (line []byte, next int, ok bool) {
		e := bytes.IndexByte(b[i:], '\n')
		if e < 0 {
			return b[i:], len(b), whole
		}
		return b[i : i+e], i + e + 1, true
	}
	i := 0
	var prevLine []byte
	var hint byte // the delimiter named by a first line "sep=;" (sepline.Len)
	for n := 0; n < headerLines; n++ {
		if n > 0 && !titleLike(prevLine) && !(n == 1 && hint != 0) {
			break // a header comes first, or after title lines only
		}
		if i >= len(b) {
			if whole {
				break
			}
			return csvHeader{}, true // the next line has not begun yet
		}
		line, next, ok := nextLine(i)
		if !ok {
			return csvHeader{}, true
		}
		prevLine = line
		if n == 0 {
			var k int
			if k, hint = sepline.Len(b); k > 0 {
				i = k
				continue
			}
		}
		if cand := parseHeader(line, hint); cand.on && (n < titleLines || cand.namesKind()) {
			if next >= len(b) {
				if whole {
					return csvHeader{}, false // nothing after it: not a table
				}
				return csvHeader{}, true
			}
			row, _, ok := nextLine(next)
			if !ok {
				return csvHeader{}, true
			}
			if csvFields(bytes.TrimSuffix(row, []byte{'\r'}), cand.delim) == cand.ncol {
				return cand, false
			}
		}
		i = next
	}
	return csvHeader{}, false
}

// namesKind reports whether a column of the header names a kind.
func (h *csvHeader) namesKind() bool {
	for _, lbl := range h.labels[:h.ncol] {
		if lbl&0x3F != 0 {
			return true
		}
	}
	return false
}

// titleLike reports whether line could be a title above a table ("KYC
// export generated on 12-03-2024", or a blank line): short, starting with a
// word, without the punctuation of JSON and key=value logs. Only after such lines is a header looked for
// on the second or third line, so that a log's first line is decided at once.
func titleLike(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return true // a blank line between the title and the table
	}
	// Log lines start with a timestamp, a bracket or a brace; titles with a
	// word.
	if len(line) > 100 || !(line[0] >= 0x80 || line[0]|0x20 >= 'a' && line[0]|0x20 <= 'z') ||
		bytes.ContainsAny(line, "{}[]=<>") {
		return false
	}
	// Nor a number as long as an identifier: that line is data.
	run := 0
	for _, c := range line {
		if c >= '0' && c <= '9' {
			if run++; run >= 5 {
				return false
			}
		} else {
			run = 0
		}
	}
	return true
}

// csvFields counts the fields of a CSV row, not splitting inside quotes.
func csvFields(row []byte, delim byte) int {
	n, quoted := 1, false
	for _, c := range row {
		switch {
		case c == '"':
			quoted = !quoted
		case c == delim && !quoted:
			n++
		}
	}
	return n
}

// headerField reports whether f looks like a column name: mostly letters, with
// no run of more than four digits, and none of the punctuation of JSON, HTML
// or key=value logs.
func headerField(f []byte) bool {
	if bytes.ContainsAny(f, ":{}[]=<>\"") {
		return false
	}
	letters, digits := 0, 0
	for _, b := range f {
		switch {
		case b >= '0' && b <= '9':
			digits++
			if digits > 4 {
				return false
			}
		case isWordByte(b):
			letters++
			digits = 0
		default:
			digits = 0
		}
	}
	return letters > 0
}

// tokenHex is the number of hexadecimal digits in a token of the redact
// package: "[MOBILE:1a5b7bbce0aaedd1]" (redact's tokenHex; its
// TestIdempotentNeighbours fails if the two part).
const tokenHex = 16

// tokenTail reports whether the word w[i:g] is in the hexadecimal part
// of a token ("[MOBILE:1a5b7bbce0aaedd1]"): tokenHex lower-case hex digits
// from a ':' after a placeholder name to its ']' or '>' (not a log tag
// such as "[REQ:3fa9c2]"). It also returns the lowest index of w it read,
// as placeholder does.
func tokenTail(w []byte, i, g int) (bool, int) {
	hex := func(c byte) bool { return c-'0' < 10 || c-'a' < 6 }
	for _, c := range w[i:g] {
		if !hex(c) {
			return false, i
		}
	}
	for i > 0 && hex(w[i-1]) {
		i--
	}
	if i < 2 || w[i-1] != ':' {
		return false, i - 1
	}
	if !isUpper(w[i-2]) {
		return false, i - 2
	}
	for g < len(w) && hex(w[g]) {
		g++
	}
	if g-i != tokenHex || g == len(w) || w[g] != ']' && w[g] != '>' {
		return false, i - 2
	}
	return placeholder(w, i-2, i-1)
}

// maskRun reports whether the word w[i:g] is the mask of a value: four or
// more X or x, or written with the default mask character X, three of them
// ("XXX XXX 3210") or right before a digit ("X9499", the kept digits of a
// masked mobile number; not "1920x1080").
func maskRun(w []byte, i, g int) bool {
	upper := true
	for _, c := range w[i:g] {
		if c|0x20 != 'x' {
			return false
		}
		upper = upper && c == 'X'
	}
	return g-i >= 4 || upper && (g-i == 3 || g < len(w) && w[g]-'0' < 10)
}

// openPlaceholder reports whether the word at w[i] begins what may be a
// placeholder that w cuts short: after '[' or '<', capitals and '_' up to
// the end of w ("[VOTER_I"). labelAfter reads a window of bounded length,
// which may end inside a label or token.
func openPlaceholder(w []byte, i int) bool {
	s := i
	for s > 0 && (isUpper(w[s-1]) || w[s-1] == '_') {
		s--
	}
	if s == 0 || w[s-1] != '[' && w[s-1] != '<' {
		return false
	}
	for i < len(w) && (isUpper(w[i]) || w[i] == '_') {
		i++
	}
	return i == len(w)
}

// placeholder reports whether the word w[i:g] is the name inside a
// placeholder such as "[MOBILE]", "[VOTER_ID]" or "[PAN:0123abcd]".
// It also returns the lowest index of w it read, negative when it would
// have read before w's start.
func placeholder(w []byte, i, g int) (bool, int) {
	for i > 0 && (isUpper(w[i-1]) || w[i-1] == '_') {
		i-- // VOTER_ID, AADHAAR_VID
	}
	for g < len(w) && (isUpper(w[g]) || w[g] == '_') {
		g++
	}
	return i > 0 && (w[i-1] == '[' || w[i-1] == '<') && g < len(w) && (w[g] == ']' || w[g] == ':' || w[g] == '>'), i - 1
}
