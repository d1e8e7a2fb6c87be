package fake

// hindiText writes hindi.txt: Hindi prose (affidavits, beneficiary lists, bank
// messages) with identifiers in Devanagari and ASCII digits, and a few lines
// in other Indian scripts.
func hindiText(g *gen) {
	dev := ScriptByName("Devanagari")
	for g.lines < 520 {
		// Each paragraph writes its numbers in one script: Devanagari or ASCII.
		sc := ASCII
		if g.chance(0.55) {
			sc = dev
		}
		switch g.weighted(4, 4, 3, 2, 2, 2, 2, 2, 3, 2) {
		case 0:
			hiAffidavit(g, sc)
		case 1:
			hiBeneficiaries(g, sc)
		case 2:
			hiBank(g, sc)
		case 3:
			g.line("पासपोर्ट संख्या ", g.passport(), " दिनांक ", g.tr(g.date(2025, 2033), sc), " तक वैध है। पासपोर्ट सेवा हेल्पलाइन ", g.tr(TollFree(g.r), sc), " पर संपर्क करें।")
			g.line()
		case 4:
			g.line("मतदाता पहचान पत्र (EPIC) संख्या ", g.voter(), ", विधानसभा क्षेत्र ", g.tr(f("%d", 1+g.n(403)), sc),
				", भाग संख्या ", g.tr(f("%d", 1+g.n(300)), sc), ", क्रम संख्या ", g.tr(f("%d", 1+g.n(1200)), sc), "।")
			g.line()
		case 5:
			g.line("सुरक्षा हेतु आधार संख्या के स्थान पर वर्चुअल आईडी (VID) ", g.trID(g.vid(), sc), " का प्रयोग करें। यह VID अगली बार बदली जा सकती है।")
			g.line()
		case 6:
			g.line("सूचना: आपकी मास्क्ड आधार संख्या ", g.tr(MaskedAadhaar(g.r), sc), " है और पंजीकृत मोबाइल ", g.tr(MaskedMobile(g.r), sc),
				" है। पूरा नंबर किसी से साझा न करें।")
			g.line()
		case 7:
			hiClean(g, sc)
		case 8:
			hiOtherScript(g)
		default:
			g.line("शिकायत संख्या CMP/", g.tr(f("%d/%s", 2023+g.n(2), g.digits(6)), sc), " के संबंध में आवेदक ", g.hiName(g.chance(0.5)), " (मोबाइल ", g.trAny(g.mobile(), sc),
				") ने बताया कि उनका पैन ", g.pan(), " आधार से लिंक नहीं हो रहा है।")
			g.line()
		}
	}
}

// tr writes s in script sc.
func (g *gen) tr(s string, sc Script) string { return Transliterate(s, sc) }

// trID writes an identifier in script sc.
func (g *gen) trID(id ident, sc Script) ident {
	return ident{id.kind, Transliterate(id.text, sc)}
}

// trAny writes the strings and identifiers of parts in script sc.
func (g *gen) trAny(parts []any, sc Script) []any {
	out := make([]any, len(parts))
	for i, p := range parts {
		switch p := p.(type) {
		case string:
			out[i] = Transliterate(p, sc)
		case ident:
			out[i] = g.trID(p, sc)
		case []any:
			out[i] = g.trAny(p, sc)
		default:
			out[i] = p
		}
	}
	return out
}

// hiName returns a name in Devanagari, a woman's if female.
func (g *gen) hiName(female bool) string {
	given := oneOf(g.r, hindiMale...)
	if female {
		given = oneOf(g.r, hindiFemale...)
	}
	return given + " " + oneOf(g.r, hindiSurnames...)
}

func hiAffidavit(g *gen, sc Script) {
	rel := g.pick("पुत्र", "पुत्री", "पत्नी")
	verb := "करता"
	if rel != "पुत्र" {
		verb = "करती"
	}
	g.line("शपथ पत्र")
	g.line("मैं, ", g.hiName(rel != "पुत्र"), ", ", rel, " श्री ", g.hiName(false), ", निवासी ग्राम ", oneOf(g.r, hindiPlaces...), ", जिला ", oneOf(g.r, hindiPlaces...),
		", पिन कोड ", g.tr(f("%d", 201001+g.n(650000)), sc), ", शपथपूर्वक बयान ", verb, " हूँ कि:")
	g.line("१. मेरी आधार संख्या ", g.trID(g.aadhaar(g.pick("", " ", " ", " ", "-", NBSP)), sc), " है तथा मेरा मोबाइल नंबर ", g.trAny(g.mobile(), sc), " है।")
	if g.chance(0.6) {
		g.line("२. मेरा पैन ", g.pan(), " है, जो आयकर विभाग द्वारा जारी किया गया है।")
	} else {
		g.line("२. मेरे पास पैन कार्ड नहीं है; पहचान हेतु मतदाता पहचान पत्र संख्या ", g.voter(), " संलग्न है।")
	}
	g.line("३. उपरोक्त विवरण मेरी जानकारी में सत्य है। दिनांक ", g.tr(g.date(2023, 2024), sc), "।")
	g.line()
}

func hiBeneficiaries(g *gen, sc Script) {
	g.line("लाभार्थी सूची — योजना: ", g.pick("प्रधानमंत्री किसान सम्मान निधि", "वृद्धावस्था पेंशन", "उज्ज्वला योजना", "छात्रवृत्ति"),
		", किस्त ", g.tr(f("%d", 1+g.n(16)), sc))
	for i := range 3 + g.n(6) {
		g.add(g.tr(f("%d", i+1), sc), ". ", g.hiName(g.chance(0.5)), ", आयु ", g.tr(f("%d", 18+g.n(70)), sc), " वर्ष")
		if g.chance(0.85) {
			g.add(", आधार संख्या: ", g.trID(g.aadhaarAny(), sc))
		}
		if g.chance(0.7) {
			g.add(", मोबाइल: ", g.trAny(g.mobile(), sc))
		}
		g.add(", खाता XXXXXX", g.tr(g.digits(4), sc), ", राशि: ₹", g.tr(f("%d,%03d", 1+g.n(9), g.n(1000)), sc))
		if g.chance(0.3) {
			g.add(", राशन कार्ड संख्या ", g.tr(SafeRRN(g.r), sc))
		}
		g.line("।")
	}
	g.line()
}

func hiBank(g *gen, sc Script) {
	g.line("प्रिय ग्राहक, आपके खाते से जुड़ा मोबाइल नंबर ", g.trAny(g.mobile(), sc), " सफलतापूर्वक अपडेट कर दिया गया है।")
	g.line("लेनदेन संदर्भ संख्या (UTR) ", g.tr(g.rrn(), sc), ", राशि ₹", g.tr(g.amount(), sc), ", दिनांक ", g.tr(g.date(2024, 2024), sc), "।")
	if g.chance(0.5) {
		g.line("यदि यह अनुरोध आपने नहीं किया है तो टोल फ्री नंबर ", g.tr(TollFree(g.r), sc), " या शाखा दूरभाष ", g.tr(Landline(g.r), sc), " पर संपर्क करें।")
	}
	if g.chance(0.4) {
		g.line("केवाईसी हेतु पैन ", g.pan(), " तथा आधार ", g.trID(g.aadhaar(" "), sc), " प्राप्त हुए।")
	}
	g.line()
}

func hiClean(g *gen, sc Script) {
	g.line("ग्राम पंचायत ", oneOf(g.r, hindiPlaces...), " की बैठक दिनांक ", g.tr(g.date(2024, 2024), sc), " को प्रातः ", g.tr(f("%d:%02d", 9+g.n(3), g.n(60)), sc),
		" बजे हुई। कुल ", g.tr(f("%d", 40+g.n(300)), sc), " सदस्य उपस्थित रहे। खसरा संख्या ", g.tr(f("%d/%d", 1+g.n(999), 1+g.n(9)), sc),
		" पर निर्माण हेतु ₹", g.tr(f("%d,%02d,%03d", 1+g.n(9), g.n(100), g.n(1000)), sc), " स्वीकृत हुए।")
	g.line()
}

// otherScripts are, for each script other than Devanagari used in
// hindi.txt, its language's name in Hindi and its words for "Aadhaar number"
// and "mobile number".
var otherScripts = []struct{ script, hindi, aadhaar, mobile string }{
	{"Bengali", "बांग्ला", "আধার নম্বর", "মোবাইল নম্বর"},
	{"Gurmukhi", "पंजाबी", "ਆਧਾਰ ਨੰਬਰ", "ਮੋਬਾਈਲ ਨੰਬਰ"},
	{"Gujarati", "गुजराती", "આધાર નંબર", "મોબાઇલ નંબર"},
	{"Oriya", "ओड़िया", "ଆଧାର ନମ୍ବର", "ମୋବାଇଲ ନମ୍ବର"},
	{"Tamil", "तमिल", "ஆதார் எண்", "கைபேசி எண்"},
	{"Telugu", "तेलुगु", "ఆధార్ నంబర్", "మొబైల్ నంబర్"},
	{"Kannada", "कन्नड़", "ಆಧಾರ್ ಸಂಖ್ಯೆ", "ಮೊಬೈಲ್ ಸಂಖ್ಯೆ"},
	{"Malayalam", "मलयालम", "ആധാർ നമ്പർ", "മൊബൈൽ നമ്പർ"},
}

func hiOtherScript(g *gen) {
	g.line("अन्य भाषाओं में प्राप्त आवेदनों का विवरण:")
	for _, i := range g.r.Perm(len(otherScripts))[:1+g.n(3)] {
		o := otherScripts[i]
		sc := ScriptByName(o.script)
		g.add("(", o.hindi, ") ", o.aadhaar, ": ", g.trID(g.aadhaar(g.pick("", " ", " ")), sc))
		if g.chance(0.7) {
			g.add(", ", o.mobile, ": ", g.trAny(g.mobileNum(MobileStyle{Prefix: g.pick("", "", "+91 ", "0"), Groups: oneOf(g.r, MobileGroupings[:2]...), Sep: " "}), sc))
		}
		g.line(", पिन ", Transliterate(f("%d", 110001+g.n(740000)), sc))
	}
	g.line()
}
