package fake

import (
	"strings"
)

// appLog writes app.log: the mixed log of a payments and KYC backend, with
// plain, key=value and JSON lines.
func appLog(g *gen) {
	c := newClock(2024, 3, 15, 9)
	for g.lines < 1500 {
		t := c.tick(g, 4000)
		plainTS := t.Format("2006-01-02 15:04:05,000")
		utcTS := t.UTC().Format("2006-01-02T15:04:05.000Z")
		jsonTS := t.Format("2006-01-02T15:04:05.000-07:00")
		switch g.weighted(25, 16, 24, 12, 6, 1, 4, 8, 3, 2) {
		case 0:
			appPayment(g, utcTS)
		case 1:
			appKYC(g, plainTS)
		case 2:
			appJSON(g, jsonTS)
		case 3:
			appHTTP(g, t.Format("15:04:05.000"))
		case 4:
			appUnlabelled(g, plainTS)
		case 5:
			g.line(plainTS, " DEBUG [mrz-reader-", f("%d", 1+g.n(4)), "] in.kavachpay.docs.MrzReader - raw zone for upload ", UUID(g.r), ":")
			g.line(g.mrz("\n"))
		case 6:
			appMasked(g, plainTS)
		case 7:
			appNoise(g, plainTS, utcTS)
		case 8:
			appError(g, plainTS)
		case 9:
			appTicket(g, jsonTS)
		}
	}
}

func appPayment(g *gen, ts string) {
	msg := g.pick("collect request settled", "pay request accepted", "refund initiated", "reversal posted",
		"callback received", "mandate executed", "status check", "credit confirmed")
	status := g.pick("SUCCESS", "SUCCESS", "SUCCESS", "PENDING", "FAILED", "DEEMED")
	g.add("ts=", ts, " level=info svc=upi-switch msg=\"", msg, "\"")
	g.add(" txn_id=", g.rrn())
	if g.chance(0.8) {
		g.add(" rrn=", g.rrn())
	}
	if g.chance(0.5) {
		g.add(" utr=", g.rrn())
	}
	g.add(" amount=", g.amount(), " currency=INR")
	if g.chance(0.3) {
		g.add(" payer_vpa=", g.mobilePlain(), "@", oneOf(g.r, banks...))
	} else {
		g.add(" payer_vpa=", g.vpa())
	}
	g.add(" payee_vpa=", g.pick("merchant.", "shop", "pay."), g.pick("kirana", "fuel", "pharma", "bills"), f("%d", g.n(999)), "@", oneOf(g.r, banks...))
	if g.chance(0.25) {
		g.add(" mobile=", g.mobile())
	}
	if g.chance(0.3) {
		g.add(" order_id=", OrderID(g.r))
	}
	if g.chance(0.15) {
		g.add(" card=", CardNumber(g.r))
	}
	if g.chance(0.3) {
		g.add(" npci_ts=", UnixTime(g.r))
	}
	if g.chance(0.3) {
		g.add(" client_ip=", IPv4(g.r))
	}
	g.line(" status=", status, f(" latency_ms=%d", 20+g.n(900)))
}

func appKYC(g *gen, ts string) {
	g.add(ts, g.pick(" INFO  ", " INFO  ", " WARN  ", " DEBUG "), f("[kyc-exec-%d] ", 1+g.n(8)))
	name, female := g.person()
	gender := "M"
	if female {
		gender = "F"
	}
	switch g.n(9) {
	case 0:
		g.line("in.kavachpay.kyc.EkycService - otp generated for aadhaar=", g.aadhaarAny(), " txn=UKC:", g.digits(7), ":", UUID(g.r))
	case 1:
		g.line("in.kavachpay.kyc.EkycService - ekyc response aadhaar_no=", g.aadhaarAny(), " name=\"", name, "\" gender=", gender,
			f(" yob=%d", 1950+g.n(55)), " pincode=", f("%d", 110001+g.n(740000)), " status=VERIFIED")
	case 2:
		g.line("in.kavachpay.kyc.PanService - PAN: ", g.pan(), f(" name match score=0.%02d", g.n(100)), f(" for customer %d", 100000+g.n(900000)))
	case 3:
		g.line("in.kavachpay.kyc.PassportService - passport no ", g.passport(), " expiry ", f("%02d/%02d/%d", 1+g.n(28), 1+g.n(12), 2025+g.n(10)),
			" verified (file no ", g.pick("BP", "DL", "MU", "HY", "CH"), g.digits(13), ")")
	case 4:
		g.line("in.kavachpay.kyc.ElectoralService - EPIC ", g.voter(), f(" found in roll ac_no=%d part_no=%d serial_no=%d", 1+g.n(288), 1+g.n(350), 1+g.n(1500)))
	case 5:
		g.line("in.kavachpay.kyc.OfflineKyc - vid=", g.vid(), " accepted, share code set, ref=", Hex(g.r, 16))
	case 6:
		g.line("in.kavachpay.kyc.EkycService - uid: ", g.aadhaarAny(), ", mobile linked: ", g.mobile(), ", consent=Y")
	case 7:
		g.line("in.kavachpay.kyc.VoterService - voter_id=", g.voter(), " name=\"", name, "\" district=", oneOf(g.r, places...).District)
	default:
		g.line("in.kavachpay.kyc.CkycService - ckyc search by pan=", g.pan(), " returned ckyc_no=", g.digits(14), " in ", f("%d", 40+g.n(800)), "ms")
	}
}

func appJSON(g *gen, ts string) {
	g.add(`{"ts":"`, ts, `","level":"`, g.pick("INFO", "INFO", "INFO", "DEBUG", "WARN"), `","logger":"`,
		g.pick("onboarding.ProfileService", "onboarding.KycController", "wallet.Ledger", "notify.SmsSender", "loans.Bureau"), `"`)
	g.add(`,"msg":"`, g.pick("profile updated", "kyc submitted", "customer created", "otp sent", "bureau pull", "limit revised"), `"`)
	g.add(f(`,"customer_id":%d`, 100000+g.n(900000)))
	fields := g.n(4) + 1
	var used [7]bool
	for range fields {
		k := g.weighted(6, 4, 4, 2, 1, 2, 2)
		if used[k] {
			continue
		}
		used[k] = true
		switch k {
		case 0:
			g.add(`,"mobile":`, g.jsonMobile())
		case 1:
			g.add(`,"pan":"`, g.pan(), `"`)
		case 2:
			g.add(`,"aadhaar":"`, g.aadhaarAny(), `"`)
		case 3:
			g.add(`,"virtual_id":"`, g.vid(), `"`)
		case 4:
			g.add(`,"passport_number":"`, g.passport(), `"`)
		case 5:
			g.add(`,"voter_id":"`, g.voter(), `"`)
		case 6:
			g.add(`,"alt_phone":`, g.jsonMobile())
		}
	}
	if g.chance(0.5) {
		g.add(`,"rrn":"`, g.rrn(), `"`)
	}
	if g.chance(0.3) {
		g.add(`,"order_id":"`, OrderID(g.r), `"`)
	}
	if g.chance(0.2) {
		g.add(`,"device_imei":"`, IMEI(g.r), `"`)
	}
	g.line(`,"request_id":"`, UUID(g.r), `","ip":"`, IPv4(g.r), `","duration_ms":`, f("%d", 1+g.n(2000)), "}")
}

func appHTTP(g *gen, ts string) {
	method, path := "GET", ""
	switch g.n(6) {
	case 0:
		path = "/v1/orders/" + OrderID(g.r)
	case 1:
		method, path = "POST", "/v1/kyc/otp"
	case 2:
		path = "/v1/payments/" + UUID(g.r) + "/status"
	case 3:
		path = "/v1/invoices/" + strings.ReplaceAll(InvoiceID(g.r), "/", "%2F")
	case 4:
		method, path = "POST", "/v1/upi/collect"
	default:
		path = "/actuator/health"
	}
	g.line(ts, " DEBUG http  ", method, " ", path, " ", g.pick("200", "200", "200", "201", "202", "204", "400", "404", "502"),
		f(" %dms", 1+g.n(900)), " ip=", IPv4(g.r), " req=", Hex(g.r, 16), " ua=\"", oneOf(g.r, userAgents...), "\"")
}

func appUnlabelled(g *gen, ts string) {
	switch g.n(5) {
	case 0:
		g.line(ts, " INFO  [sms-1] notify.SmsSender - delivered OTP to ", g.mobileIntl(), " msg_id=", Hex(g.r, 24), " dlr=DELIVRD")
	case 1:
		g.line(ts, " WARN  [ocr-2] docs.OcrWorker - extracted ", g.aadhaar(g.pick(" ", " ", NBSP, "-")), " from upload ", UUID(g.r), f(" conf=0.%02d", 50+g.n(50)))
	case 2:
		g.line(ts, " INFO  [crm-3] crm.Callback - customer asked for a call back on ", g.mobileIntl(), " after ", f("%d", 1+g.n(8)), "pm, ticket #", g.digits(6))
	case 3:
		g.line(ts, " INFO  [wa-1] notify.WhatsApp - template kyc_reminder queued for ", g.mobileIntl(), " (wamid=", Hex(g.r, 32), ")")
	default:
		g.line(ts, " DEBUG [ocr-1] docs.OcrWorker - candidate numbers on page 1: ", g.aadhaar(" "), ", ", g.digits(6), ", ", f("%02d/%02d/%d", 1+g.n(28), 1+g.n(12), 1960+g.n(45)))
	}
}

func appMasked(g *gen, ts string) {
	g.line(ts, " INFO  [audit] audit.Trail - consent recorded aadhaar=", MaskedAadhaar(g.r), " mobile=", MaskedMobile(g.r),
		" pan=", MaskedPAN(g.r), " rrn=", g.rrn(), " actor=", g.pick("ops", "system", "agent"), f("-%d", g.n(99)))
}

func appNoise(g *gen, ts, utc string) {
	switch g.n(10) {
	case 0:
		g.line(ts, " ERROR [http-nio-8080-exec-", f("%d", 1+g.n(200)), "] o.a.c.c.C.[.[.[/].[dispatcherServlet] - Servlet.service() threw exception")
		g.line("java.net.SocketTimeoutException: connect timed out (upstream ", IPv4(g.r), f(":%d)", 8000+g.n(1000)))
		g.line("\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:", f("%d", 500+g.n(100)), ")")
		g.line("\tat in.kavachpay.client.UidaiClient.post(UidaiClient.java:", f("%d", 40+g.n(200)), ")")
		g.line("\t... ", f("%d", 20+g.n(80)), " common frames omitted")
	case 1:
		g.line("ts=", utc, " level=info svc=gc msg=\"gc cycle\"", f(" heap_before=%dMB heap_after=%dMB pause_us=%d", 400+g.n(600), 100+g.n(300), 100+g.n(9000)))
	case 2:
		g.line(ts, " INFO  [support] support.Footer - helpline ", TollFree(g.r), ", grievance officer ", Landline(g.r), " (10am-6pm)")
	case 3:
		g.line(ts, " INFO  [catalog] catalog.Sync - ", g.pick(SKUWords...), " ", SKU(g.r), " stock=", f("%d", g.n(500)), " price=", g.amount(), " ean=", "890", g.digits(10))
	case 4:
		g.line(ts, " INFO  [billing] billing.Invoice - generated ", InvoiceID(g.r), " for ", OrderID(g.r), " amount=", g.amount(), " gst=18%")
	case 5:
		g.line("ts=", utc, " level=debug svc=deploy msg=\"config reloaded\" build=", g.pick("2024.03.", "2024.02."), f("%d", 1+g.n(28)), " commit=", Hex(g.r, 40), " sha256=", Hex(g.r, 64))
	case 6:
		g.line(ts, " INFO  [scheduler] jobs.Settlement - batch ", f("%d", g.n(100)), " done: ", f("%d", g.n(90000)), " txns, epoch_ms=", UnixTime(g.r), g.digits(3), " next_run=", UnixTime(g.r))
	case 7:
		g.line(ts, " WARN  [risk] risk.Velocity - card ", CardNumber(g.r)[:6], "******", g.digits(4), f(" declined, score=%d", g.n(1000)), " device=", IMEI(g.r))
	case 8:
		g.line("ts=", utc, " level=info svc=edge msg=\"upstream\" addr=", IPv4(g.r), f(":%d", 1024+g.n(60000)), " tls=1.3 cipher=TLS_AES_128_GCM_SHA256 trace=", Hex(g.r, 32))
	default:
		g.line(ts, " INFO  [payout] payout.Neft - utr ", g.pick("SBIN", "HDFC", "ICIC", "UTIB"), "R5", g.digits(11), " credited to a/c XXXXXXXX", g.digits(4), " ifsc ", g.pick("SBIN", "HDFC", "ICIC", "UTIB"), "0", g.digits(6))
	}
}

func appError(g *gen, ts string) {
	switch g.n(3) {
	case 0:
		g.line(ts, " ERROR [kyc-exec-", f("%d", 1+g.n(8)), "] in.kavachpay.kyc.PanService - pan verification failed for pan=", g.pan(), ": upstream 503 (retry ", f("%d", 1+g.n(3)), "/3)")
	case 1:
		g.line(ts, " ERROR [kyc-exec-", f("%d", 1+g.n(8)), "] in.kavachpay.kyc.EkycService - UIDAI error K-100 for aadhaar ", g.aadhaarAny(), " (txn ", g.rrn(), ")")
	default:
		g.line(ts, " WARN  [notify-2] notify.SmsSender - DND for mobile no. ", g.mobile(), ", falling back to email")
	}
}

func appTicket(g *gen, ts string) {
	name, _ := g.person()
	g.line(`{"ts":"`, ts, `","level":"INFO","logger":"support.Ticket","msg":"ticket created","ticket":"TKT-`, g.digits(7),
		`","body":"Hi, I am `, name, `. My Aadhaar number is `, g.aadhaar(" "), ` and PAN `, g.pan(), `. Please call me on `, g.mobileIntl(), `. Thanks"}`)
}
