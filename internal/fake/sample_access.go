package fake

import "strings"

// accessLog writes access.log: nginx "combined" lines of a KYC and payments
// API, with identifiers in query strings and paths, and many lines without.
func accessLog(g *gen) {
	c := newClock(2024, 3, 18, 10)
	for g.lines < 1200 {
		t := c.tick(g, 3000)
		g.add(IPv4(g.r), " - ", g.pick("-", "-", "-", "-", "partner_api", "ops"), " [", t.Format("02/Jan/2006:15:04:05 -0700"), `] "`)
		status := g.pick("200", "200", "200", "200", "304", "400", "401", "404", "429", "500", "502")
		switch g.weighted(6, 3, 3, 2, 2, 1, 1, 3, 4, 6, 2) {
		case 0:
			g.add("GET /api/v1/kyc/verify?mobile=", g.mobileQuery(), "&aadhaar=", g.aadhaar(g.pick("", "", "", "-")), "&consent=Y")
		case 1:
			g.add("GET /api/v2/customer/lookup?phone=", g.mobileQuery(), "&src=", g.pick("app", "web", "ivr"))
		case 2:
			g.add("GET /api/v1/pan/verify?pan=", g.pan(), "&name=", strings.ReplaceAll(g.name(), " ", "%20"), "&dob=", f("%02d-%02d-%d", 1+g.n(28), 1+g.n(12), 1955+g.n(50)))
		case 3:
			g.add("POST /api/v1/otp/send?msisdn=", g.mobileQuery(), "&channel=sms&ref=", Hex(g.r, 12))
		case 4:
			g.add("GET /api/v1/users/", g.mobilePlain(), "/profile?fields=name,kyc_status")
		case 5:
			g.add("GET /ekyc/offline?vid=", ident{KindVID, VID(g.r)}, "&share_code=", g.digits(4), "&ts=", UnixTime(g.r))
		case 6:
			if g.chance(0.5) {
				g.add("GET /api/v1/passport/status?file_no=", g.pick("BP", "DL", "MU"), g.digits(13), "&passport=", g.passport())
			} else {
				g.add("GET /api/v1/voter/search?epic=", g.voter(), "&state=S", f("%02d", 1+g.n(29)), "&ac=", f("%d", 1+g.n(288)))
			}
		case 7:
			g.add("GET /upi/callback?txnId=", g.rrn(), "&rrn=", g.rrn(), "&status=", g.pick("SUCCESS", "FAILURE"), "&amount=", g.amount())
		case 8:
			g.add("GET /api/v1/orders/", OrderID(g.r), "?include=items,invoice")
		case 9:
			g.add("GET ", g.pick("/static/js/main.", "/static/css/app.", "/assets/vendor."), Hex(g.r, 8), g.pick(".js", ".css", ".chunk.js"))
		default:
			g.add("GET ", g.pick("/health", "/favicon.ico", "/robots.txt", "/api/v1/config?v="+f("%d.%d.%d", 1+g.n(4), g.n(20), g.n(50))))
		}
		g.add(` HTTP/1.1" `, status, " ", f("%d", 100+g.n(40000)), ` "`)
		switch g.n(6) {
		case 0:
			g.add("https://portal.kavachpay.in/kyc?step=", f("%d", 1+g.n(4)), "&mobile=", g.mobilePlain())
		case 1, 2:
			g.add("https://portal.kavachpay.in/", g.pick("dashboard", "orders", "kyc", "payments"))
		default:
			g.add("-")
		}
		g.line(`" "`, oneOf(g.r, userAgents...), `"`)
	}
}

// mobileQuery returns a mobile number as it appears in a query string:
// plain, with 91 glued on, or with an URL-encoded +91 (%2B91).
func (g *gen) mobileQuery() []any {
	switch g.n(5) {
	case 0:
		return g.mobileNum(MobileStyle{Prefix: "91", Groups: MobileGroupings[0]})
	case 1:
		return g.mobileNum(MobileStyle{Prefix: "%2B91", Groups: MobileGroupings[0]})
	case 2:
		return g.mobileNum(MobileStyle{Prefix: "0", Groups: MobileGroupings[0]})
	default:
		return []any{g.mobilePlain()}
	}
}

// name returns a random person's name.
func (g *gen) name() string {
	n, _ := g.person()
	return n
}
