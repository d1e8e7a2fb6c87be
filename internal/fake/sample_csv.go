package fake

// vaccinationCSV writes vaccination.csv: a CoWIN-style export of vaccination
// records, one per row, CRLF line endings, quoted fields where needed.
func vaccinationCSV(g *gen) {
	const eol = "\r\n"
	g.add("name,age,gender,mobile,id_type,id_number,beneficiary_ref_id,centre,district,state,vaccine,dose1_date,dose2_date,precaution_date,batch,remarks", eol)
	for g.lines < 900 {
		name, female := g.person()
		gender := "Male"
		if female {
			gender = "Female"
		}
		if g.chance(0.01) {
			gender = "Others"
		}
		if g.chance(0.03) {
			// Some exports write the surname first.
			name = `"` + name[len(name)-len(lastWord(name)):] + ", " + name[:len(name)-len(lastWord(name))-1] + `"`
		}
		g.add(name, ",", f("%d", 18+g.n(78)), ",", gender, ",")
		switch g.weighted(14, 2, 2, 2, 1, 1, 1, 1, 1) {
		case 0:
			g.add(g.mobilePlain())
		case 1:
			g.add(`"`, g.mobileNum(MobileStyle{Prefix: "+91 ", Groups: []int{5, 5}, Sep: " "}), `"`)
		case 2:
			g.add(g.mobileNum(MobileStyle{Prefix: "0", Groups: MobileGroupings[0]}))
		case 3:
			g.add(g.mobileNum(MobileStyle{Prefix: g.pick("91-", "+91-", "+91"), Groups: MobileGroupings[0]}))
		case 4:
			g.add(g.mobileNum(MobileStyle{Prefix: "", Groups: oneOf(g.r, MobileGroupings[1:]...), Sep: g.pick("-", " ", ".")}))
		case 5:
			g.add(g.mobileNum(MobileStyle{Prefix: "91", Groups: MobileGroupings[0]}))
		case 6:
			g.add(MaskedMobile(g.r))
		case 7:
			// no mobile given
		default:
			g.add(`"`, g.mobile(), `"`)
		}
		g.add(",")
		switch g.weighted(50, 12, 8, 12, 8, 3, 3, 4) {
		case 0:
			g.add("Aadhaar Card,")
			switch {
			case g.chance(0.12):
				g.add(MaskedAadhaar(g.r))
			case g.chance(0.3):
				g.add(`"`, g.aadhaar(g.pick(" ", " ", "-", NBSP, ".")), `"`)
			default:
				g.add(g.aadhaar(g.pick("", "", "", "-", " ")))
			}
		case 1:
			g.add("PAN Card,", g.pan())
		case 2:
			g.add("Passport,", g.passport())
		case 3:
			g.add(`"Voter ID (EPIC)",`, g.voter())
		case 4:
			g.add("Driving License,", g.pick("UP", "MH", "KA", "DL", "TN", "WB"), f("%02d", 1+g.n(90)), g.pick("", " ", "-"), f("%d", 2005+g.n(18)), g.digits(7))
		case 5:
			g.add("Pension Passbook,PPO/", g.pick("DEL", "MUM", "CHN", "KOL"), "/", g.digits(6), "/", f("%d", 1995+g.n(25)))
		case 6:
			g.add("NPR Smart Card,NPR", g.digits(2), "/", g.digits(4), "/", g.digits(6))
		default:
			g.add(`"Ration Card with Photo",RC`, g.digits(12))
		}
		p := oneOf(g.r, places...)
		g.add(",", BeneficiaryRef(g.r), `,"`, oneOf(g.r, centreKinds...), " ", oneOf(g.r, villages...), ", ", p.District, `",`, p.District, ",", p.State, ",")
		vaccine := g.pick("COVISHIELD", "COVISHIELD", "COVISHIELD", "COVAXIN", "COVAXIN", "CORBEVAX", "Sputnik V")
		d1, d2, d3 := g.doses()
		g.add(vaccine, ",", d1, ",", d2, ",", d3, ",")
		switch vaccine {
		case "COVISHIELD":
			g.add("4121Z", g.digits(3))
		case "COVAXIN":
			g.add("ED", g.digits(5))
		default:
			g.add(g.pick("CB", "SP"), g.digits(4))
		}
		g.add(",")
		switch g.n(12) {
		case 0:
			g.add(`"Walk-in, registered at centre"`)
		case 1:
			g.add(`"AEFI observed: mild fever, resolved"`)
		case 2:
			g.add(`"Mobile shared with family member, ref `, g.digits(6), `"`)
		case 3:
			g.add(`"Certificate re-issued, old id `, g.digits(13), `"`)
		case 4:
			g.add(`"Name corrected as per ""`, g.pick("Aadhaar", "PAN", "Passport"), `"" record"`)
		case 5:
			g.add(`"Helpdesk `, TollFree(g.r), `, call centre `, Landline(g.r), `"`)
		case 6:
			g.add(`"Alternate contact: `, g.mobile(), `, `, g.pick("son", "daughter", "husband", "wife", "neighbour"), `"`)
		}
		g.add(eol)
	}
}

// date returns a random dd-mm-yyyy date in the years lo..hi.
func (g *gen) date(lo, hi int) string {
	return f("%02d-%02d-%d", 1+g.n(28), 1+g.n(12), lo+g.n(hi-lo+1))
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}
