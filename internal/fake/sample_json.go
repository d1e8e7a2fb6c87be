package fake

import "strings"

// JSON building blocks for export.json. A value is raw JSON text: a string,
// an ident, a []any of parts, or one of the types below.
type (
	kv struct {
		k string
		v any
	}
	jobj    []kv  // an object, one member per line
	jinline []kv  // an object on one line
	jarr    []any // an array, one element per line
)

// q quotes parts as a JSON string. The parts must need no escaping.
func q(parts ...any) []any { return []any{`"`, parts, `"`} }

// json writes v, indented by indent when it spans lines.
func (g *gen) json(v any, indent string) {
	switch v := v.(type) {
	case jobj:
		g.add("{\n")
		for i, m := range v {
			g.add(indent, "  ", `"`, m.k, `": `)
			g.json(m.v, indent+"  ")
			if i < len(v)-1 {
				g.add(",")
			}
			g.add("\n")
		}
		g.add(indent, "}")
	case jinline:
		g.add("{")
		for i, m := range v {
			if i > 0 {
				g.add(", ")
			}
			g.add(`"`, m.k, `": `)
			g.json(m.v, indent)
		}
		g.add("}")
	case jarr:
		if len(v) == 0 {
			g.add("[]")
			return
		}
		g.add("[\n")
		for i, e := range v {
			g.add(indent, "  ")
			g.json(e, indent+"  ")
			if i < len(v)-1 {
				g.add(",")
			}
			g.add("\n")
		}
		g.add(indent, "]")
	default:
		g.add(v)
	}
}

// exportJSON writes export.json: a pretty-printed JSON array of customer
// records from a fintech back office, with nested KYC documents and payments.
func exportJSON(g *gen) {
	c := newClock(2023, 11, 2, 8)
	var records jarr
	lines := 2
	for lines < 1700 {
		t := c.tick(g, 6*3600*1000)
		rec := g.customerRecord(t.Format("2006-01-02T15:04:05-07:00"))
		records = append(records, rec)
		lines += countLines(rec)
	}
	g.json(records, "")
	g.add("\n")
}

func countLines(v any) int {
	switch v := v.(type) {
	case jobj:
		n := 2
		for _, m := range v {
			n += countLines(m.v)
		}
		return n
	case jarr:
		if len(v) == 0 {
			return 1
		}
		n := 2
		for _, e := range v {
			n += countLines(e)
		}
		return n
	}
	return 1
}

func (g *gen) customerRecord(created string) jobj {
	name, female := g.person()
	first := strings.ToLower(strings.Fields(name)[0])
	cust := jobj{
		{"name", q(name)},
		{"gender", q(map[bool]string{true: "F", false: "M"}[female])},
		{"dob", q(f("%d-%02d-%02d", 1955+g.n(50), 1+g.n(12), 1+g.n(28)))},
	}
	switch g.n(4) {
	case 0:
		cust = append(cust, kv{"mobile", g.mobilePlain()})
	case 1:
		cust = append(cust, kv{"mobile", g.mobileNum(MobileStyle{Prefix: g.pick("", "91"), Groups: MobileGroupings[0]})})
	default:
		cust = append(cust, kv{"mobile", q(g.mobile())})
	}
	if g.chance(0.3) {
		cust = append(cust, kv{"alt_mobile", g.jsonMobile()})
	}
	cust = append(cust, kv{"email", q(first, g.pick(".", "_", ""), strings.ToLower(lastWord(name)), f("%d", g.n(100)), "@", g.pick("gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"))})

	kyc := jobj{{"level", q(g.pick("full", "min", "full", "video"))}}
	if g.chance(0.8) {
		if g.chance(0.1) {
			kyc = append(kyc, kv{"aadhaar", q(MaskedAadhaar(g.r))})
		} else {
			kyc = append(kyc, kv{"aadhaar", q(g.aadhaarAny())})
		}
	}
	if g.chance(0.15) {
		kyc = append(kyc, kv{"aadhaar_vid", q(g.vid())})
	}
	if g.chance(0.7) {
		kyc = append(kyc, kv{"pan", q(g.pan())})
	}
	var docs jarr
	if g.chance(0.3) {
		docs = append(docs, jinline{{"type", q("passport")}, {"number", q(g.passport())}, {"expiry", q(f("%d-%02d-%02d", 2025+g.n(10), 1+g.n(12), 1+g.n(28)))}})
	}
	if g.chance(0.35) {
		docs = append(docs, jinline{{"type", q("voter_id")}, {"number", q(g.voter())}, {"state", q(oneOf(g.r, places...).State)}})
	}
	if g.chance(0.15) {
		docs = append(docs, jinline{{"type", q("driving_licence")}, {"number", q(g.pick("MH", "KA", "DL"), f("%02d", 1+g.n(50)), f("%d", 2008+g.n(15)), g.digits(7))}})
	}
	kyc = append(kyc, kv{"documents", docs})
	if g.chance(0.5) {
		kyc = append(kyc, kv{"ckyc_no", q(g.digits(14))})
	}
	kyc = append(kyc, kv{"verified_at", UnixTime(g.r)})
	cust = append(cust, kv{"kyc", kyc})
	p := oneOf(g.r, places...)
	cust = append(cust, kv{"address", jinline{
		{"line1", q(f("%d", 1+g.n(300)), ", ", oneOf(g.r, villages...))},
		{"city", q(p.District)}, {"state", q(p.State)}, {"pincode", q(f("%d", 110001+g.n(740000)))},
	}})

	var pays jarr
	for range g.n(4) {
		pay := jinline{{"order_id", q(OrderID(g.r))}, {"amount", g.amount()}, {"utr", q(g.rrn())}}
		if g.chance(0.35) {
			pay = append(pay, kv{"vpa", q(g.mobilePlain(), "@", oneOf(g.r, banks...))})
		} else {
			pay = append(pay, kv{"vpa", q(g.vpaOf(name))})
		}
		pays = append(pays, pay)
	}
	return jobj{
		{"id", q("cus_", Hex(g.r, 16))},
		{"created_at", q(created)},
		{"status", q(g.pick("active", "active", "active", "dormant", "closed"))},
		{"customer", cust},
		{"payments", pays},
		{"device", jinline{{"ip", q(IPv4(g.r))}, {"imei", q(IMEI(g.r))}, {"ua", q(g.pick("okhttp/4.12.0", "KavachPay/5.12.1 (Android 13)", "KavachPay/5.11.0 (iOS 17.3)"))}}},
	}
}
