package fake

import "strings"

// chatbotText writes chatbot.txt: the dump of a Telegram bot that looked up
// vaccination records by mobile or ID number, in the style of the 2023 CoWIN
// leak reports. Users paste numbers with invisible characters and full-width
// digits to get past filters.
func chatbotText(g *gen) {
	c := newClock(2023, 6, 11, 21)
	full := ScriptByName("Fullwidth")
	g.line("Chat export: @cvn_lookup_bot (private channel mirror)")
	g.line("Exported ", c.t.Format("02.01.2006 15:04"), ", ", f("%d", 4000+g.n(2000)), " messages")
	g.line()
	for g.lines < 1400 {
		c.tick(g, 90000)
		user := f("user_%d", 10000+g.n(90000))
		ts := func() string { return "[" + c.tick(g, 3000).Format("02-01-2006 15:04:05") + "] " }
		switch g.weighted(10, 3, 2, 2, 1, 2) {
		case 0:
			// Search by mobile number.
			m := Mobile(g.r)
			for Verhoeff("91" + m) {
				m = Mobile(g.r)
			}
			number := g.mobileAs(m, RandomMobileStyle(g.r))
			g.add(ts(), user, ": ")
			switch g.weighted(6, 3, 1, 2) {
			case 0:
				g.add(number)
			case 1:
				g.add(g.zwParts(number))
			case 2:
				g.add(g.trAny(g.mobileAs(m, MobileStyle{Prefix: g.pick("", "+91 "), Groups: oneOf(g.r, MobileGroupings...), Sep: " "}), full))
			default:
				g.add("/search ", number)
			}
			g.line()
			g.line(ts(), "CowinBot: 🔍 Searching records...")
			botReply(g, ts, m)
		case 1:
			// Search by Aadhaar number.
			g.add(ts(), user, ": ", g.pick("/aadhaar ", "aadhar ", "", "uid "))
			switch g.n(4) {
			case 0:
				g.add(g.zw(g.aadhaarAny()))
			case 1:
				g.add(g.trID(g.aadhaar(g.pick("", " ")), full))
			default:
				g.add(g.aadhaarAny())
			}
			g.line()
			botReply(g, ts, "")
		case 2:
			g.line(ts(), user, ": ", g.pick("/pan ", "pan ", "PAN: "), g.pan())
			botReply(g, ts, "")
		case 3:
			g.line(ts(), user, ": ", g.pick("/start", "hi", "help", "/balance", "bro is it working?", "anyone has the new link"))
			g.line(ts(), "CowinBot: ", g.pick("👋 Send a mobile number, Aadhaar or PAN to search.", "💰 Credits left: "+f("%d", g.n(50)),
				"⚠️ Daily limit: "+f("%d", 1+g.n(5))+" searches left", "🔗 Backup channel: t.me/+"+Hex(g.r, 16)))
		case 4:
			g.line(ts(), user, ": ", g.pick("/vid ", "vid "), g.zwMaybe(g.vid()))
			botReply(g, ts, "")
		default:
			g.line(ts(), user, ": ", g.pick("/epic ", "voter ", "EPIC "), g.voter())
			botReply(g, ts, "")
		}
		g.line()
	}
}

// zw inserts one or two zero-width characters into an identifier.
func (g *gen) zw(id ident) ident {
	return ident{id.kind, InsertZeroWidth(g.r, id.text, 1+g.n(2))}
}

// zwMaybe inserts zero-width characters into id one time in three.
func (g *gen) zwMaybe(id ident) ident {
	if g.n(3) == 0 {
		return g.zw(id)
	}
	return id
}

// zwParts inserts zero-width characters into the identifiers among parts.
func (g *gen) zwParts(parts []any) []any {
	out := make([]any, len(parts))
	for i, p := range parts {
		if id, ok := p.(ident); ok {
			out[i] = g.zw(id)
		} else {
			out[i] = p
		}
	}
	return out
}

// botReply writes the bot's answer: nothing found, or one or more records.
// The first record's registered mobile is the number searched for, if any.
func botReply(g *gen, ts func() string, searched string) {
	if g.chance(0.15) {
		g.line(ts(), "CowinBot: ❌ No record found. Try another number.")
		return
	}
	members := 1
	if g.chance(0.3) {
		members = 2 + g.n(3)
	}
	g.line(ts(), "CowinBot: ✅ ", f("%d", members), " record(s) found")
	for i := range members {
		name, female := g.person()
		gender := "Male"
		if female {
			gender = "Female"
		}
		g.line("━━━━━━━━ ", f("%d", i+1), " ━━━━━━━━")
		g.line("👤 Name: ", name)
		g.line("⚧ Gender: ", gender)
		born := 1945 + g.n(60)
		g.line("🎂 Birth Year: ", f("%d", born))
		switch g.weighted(10, 3, 2, 2, 1) {
		case 0:
			g.line("🪪 ID Type: Aadhaar Card")
			g.line("🔢 ID Number: ", g.zwMaybe(g.aadhaarAny()))
		case 1:
			g.line("🪪 ID Type: PAN Card")
			g.line("🔢 ID Number: ", g.pan())
		case 2:
			g.line("🪪 ID Type: Passport")
			number := Passport(g.r)
			g.line("🔢 ID Number: ", ident{KindPassport, number})
			if g.chance(0.4) {
				given := strings.TrimSuffix(name, " "+lastWord(name))
				l1, l2 := IndianTD3(lastWord(name), given, number, female, f("%02d%02d%02d", born%100, 1+g.n(12), 1+g.n(28)), yymmdd(g.r, 2025, 2034)).Lines()
				g.line("📄 MRZ:")
				g.line(ident{KindPassport, l1 + "\n" + l2})
			}
		case 3:
			g.line("🪪 ID Type: Voter ID")
			g.line("🔢 ID Number: ", g.zwMaybe(g.voter()))
		default:
			g.line("🪪 ID Type: Driving License")
			g.line("🔢 ID Number: ", g.pick("UP", "MH", "KA", "TN"), f("%02d", 1+g.n(80)), " ", f("%d", 2005+g.n(18)), g.digits(7))
		}
		if g.chance(0.2) {
			g.line("🧾 PAN: ", g.pan())
		}
		g.line("🆔 Beneficiary Ref ID: ", BeneficiaryRef(g.r))
		g.line("🏥 Vaccination Centre: ", g.centre())
		d1, d2, d3 := g.doses()
		g.add("💉 Dose 1: ", d1)
		if d2 != "" {
			g.add(" | Dose 2: ", d2)
		}
		if d3 != "" {
			g.add(" | Precaution: ", d3)
		}
		g.line()
		if i == 0 {
			g.add("📱 Registered Mobile: ")
			switch {
			case g.chance(0.1):
				g.add(MaskedMobile(g.r))
			case searched != "":
				g.add(g.mobileAs(searched, RandomMobileStyle(g.r)))
			default:
				g.add(g.mobile())
			}
			g.line()
		}
	}
	if g.chance(0.3) {
		g.line("ℹ️ Credits left: ", f("%d", g.n(40)), " | support ", g.pick("@", "@"), "cvn_admin", f("%d", g.n(100)))
	}
}
