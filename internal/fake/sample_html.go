package fake

import "strings"

// reportsHTML writes reports.html: a lab's page of RT-PCR test reports, the
// kind that a public CDN once served and search engines indexed. Tables with a
// header row name their columns only there (Passport No, EPIC No, Mobile);
// patient cards name each value in a <th> beside it; distractors are SRF IDs,
// sample numbers, Verhoeff-valid payment references under a "Payment Ref"
// column, toll-free and landline numbers and masked Aadhaar numbers.
func reportsHTML(g *gen) {
	g.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<title>COVID-19 RT-PCR reports - District Public Health Laboratory</title>\n",
		"<style>table{border-collapse:collapse} td,th{border:1px solid #999;padding:2px 6px}</style>\n",
		"</head>\n<body>\n<h1>RT-PCR test reports</h1>\n",
		"<p>Helpline ", TollFree(g.r), " (9 am to 6 pm), lab office ", Landline(g.r), ". ICMR lab code ",
		g.pick("DPHL", "GMCH", "AIIM"), g.digits(3), ".</p>\n")
	for g.lines < 900 {
		switch g.weighted(5, 3, 1) {
		case 0:
			reportTable(g)
		case 1:
			patientCard(g)
		default:
			g.add("<p>Reports for samples collected on ", g.date(2021, 2022), " at ", g.centre(),
				" are released. Sample batch ", g.digits(6), ", ", f("%d", 20+g.n(400)), " samples, CT cut-off ",
				f("%d", 30+g.n(6)), ". Call ", TollFree(g.r), " for queries.</p>\n")
		}
	}
	g.add("</body>\n</html>\n")
}

// reportColumns are the columns a report table may have, by header text.
// Every table also has "S.No" and "Patient Name", first.
var reportColumns = []string{"Age/Sex", "Mobile No", "Passport No", "EPIC No", "PAN",
	"Aadhaar", "SRF ID", "Sample ID", "Result", "Payment Ref"}

// reportTable writes a table of reports: a header row of <th> cells, then one
// row per patient, in one of several HTML styles.
func reportTable(g *gen) {
	upper := g.chance(0.15)    // <TR><TD>
	perLine := g.chance(0.3)   // one cell per line
	thead := g.chance(0.5)     // <thead> and <tbody>
	rowHeader := g.chance(0.2) // the serial number in a <th>
	cols := []string{"S.No", "Patient Name"}
	for _, c := range reportColumns {
		if g.chance(0.55) {
			cols = append(cols, c)
		}
	}
	tag := func(name string) string {
		if upper {
			return strings.ToUpper(name)
		}
		return name
	}
	open := func(name string) string { return "<" + tag(name) + ">" }
	end := func(name string) string { return "</" + tag(name) + ">" }
	g.add("<h2>Reports released on ", g.date(2021, 2022), ", ", g.centre(), "</h2>\n<table class=\"reports\">\n")
	if thead {
		g.add(open("thead"))
	}
	g.add(open("tr"))
	for _, c := range cols {
		if perLine {
			g.add("\n  ")
		}
		switch {
		case c == "PAN" && g.chance(0.5):
			g.add("<", tag("th"), " scope=\"col\"><b>PAN</b> Card", end("th"))
		default:
			g.add(open("th"), c, end("th"))
		}
	}
	if perLine {
		g.add("\n")
	}
	g.add(end("tr"))
	if thead {
		g.add(end("thead"), "\n", open("tbody"))
	}
	g.add("\n")
	for row := 1; row <= 3+g.n(10); row++ {
		g.add(open("tr"))
		for i, c := range cols {
			if perLine {
				g.add("\n  ")
			}
			cell := "td"
			if i == 0 && rowHeader {
				cell = "th"
			}
			g.add(open(cell))
			reportCell(g, c, row)
			g.add(end(cell))
		}
		if perLine {
			g.add("\n")
		}
		g.add(end("tr"), "\n")
	}
	if thead {
		g.add(end("tbody"), "\n")
	}
	g.add(end("table"), "\n")
}

// reportCell writes the value of column c in row row of a report table.
func reportCell(g *gen, c string, row int) {
	switch c {
	case "S.No":
		g.add(f("%d", row))
	case "Patient Name":
		g.add(g.name())
	case "Age/Sex":
		g.add(f("%d/%s", 1+g.n(90), g.pick("M", "F")))
	case "Mobile No":
		if g.chance(0.1) {
			g.add(MaskedMobile(g.r))
			return
		}
		g.add(g.mobile())
	case "Passport No":
		if g.chance(0.3) {
			g.add("-") // not a traveller
			return
		}
		g.add(g.passport())
	case "EPIC No":
		g.add(g.voter())
	case "PAN":
		g.add(g.pan())
	case "Aadhaar":
		if g.chance(0.3) {
			g.add(MaskedAadhaar(g.r))
			return
		}
		g.add(g.aadhaarAny())
	case "SRF ID":
		g.add(g.pick("07", "09", "27", "29"), g.digits(11))
	case "Sample ID":
		g.add(g.pick("NP", "OP", "S"), "-", g.digits(7))
	case "Result":
		g.add(g.pick("Negative", "Negative", "Negative", "Positive", "Inconclusive"))
	case "Payment Ref":
		g.add(HardRRN(g.r))
	}
}

// patientCard writes one patient's report as a two-column table: each value
// next to the <th> that names it.
func patientCard(g *gen) {
	name, _ := g.person()
	g.add("<div class=\"card\">\n<table>\n")
	row := func(head string, value ...any) {
		g.add("  <tr><th>", head, "</th><td>")
		g.add(value...)
		g.add("</td></tr>\n")
	}
	row("Patient", name)
	row("SRF ID", g.pick("07", "09", "27", "29"), g.digits(11))
	switch g.n(4) {
	case 0:
		row("Passport No.", g.passport())
	case 1:
		row("Voter ID (EPIC)", g.voter())
	case 2:
		row("PAN", g.pan())
	default:
		row("Aadhaar No", g.aadhaarAny())
	}
	row("Mobile", g.mobile())
	row("Result", g.pick("NEGATIVE", "POSITIVE"))
	g.add("</table>\n</div>\n")
}
