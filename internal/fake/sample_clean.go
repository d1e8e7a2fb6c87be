package fake

import "strings"

// cleanText writes clean.txt: log text from the same kind of systems as the
// other samples, full of numbers (timestamps, reference numbers that cannot be
// Aadhaar numbers, ports, versions, long ids, digests) but with no identifier
// at all.
func cleanText(g *gen) {
	c := newClock(2024, 4, 2, 6)
	for g.lines < 800 {
		t := c.tick(g, 5000)
		ts := t.Format("2006-01-02 15:04:05.000")
		utc := t.UTC().Format(timeRFC3339Milli)
		switch g.n(16) {
		case 0:
			g.line("ts=", utc, " level=info svc=upi-switch msg=\"settled\" txn_id=", SafeRRN(g.r), " rrn=", SafeRRN(g.r), " amount=", g.amount(), " status=SUCCESS latency_ms=", f("%d", 20+g.n(900)))
		case 1:
			g.line(ts, " INFO  [scheduler] jobs.Settlement - batch ", f("%d", g.n(100)), " done: ", f("%d", g.n(90000)), " txns, epoch_ms=", UnixTime(g.r), g.digits(3), " next=", UnixTime(g.r))
		case 2:
			g.line(ts, " DEBUG http  GET /v1/orders/", OrderID(g.r), " 200 ", f("%dms", 1+g.n(900)), " ip=", IPv4(g.r), f(":%d", 1024+g.n(60000)), " req=", UUID(g.r))
		case 3:
			g.line("ts=", utc, " level=debug svc=deploy msg=\"rollout\" image=registry.local/kyc-api:v", f("%d.%d.%d", 1+g.n(5), g.n(30), g.n(100)), " digest=sha256:", Hex(g.r, 64))
		case 4:
			g.line(ts, " INFO  [billing] billing.Invoice - generated ", InvoiceID(g.r), " for ", OrderID(g.r), " amount=", g.amount(), " hsn=", g.digits(8))
		case 5:
			g.line(ts, " WARN  [risk] risk.Velocity - card ", CardNumber(g.r), f(" declined, score=%d", g.n(1000)), " device=", IMEI(g.r))
		case 6:
			g.line(ts, " INFO  [support] support.Footer - helpline ", TollFree(g.r), ", office ", Landline(g.r))
		case 7:
			g.line(ts, " INFO  [catalog] catalog.Sync - ", g.pick(SKUWords...), " ", SKU(g.r), " stock=", f("%d", g.n(500)), " ean=890", g.digits(10))
		case 8:
			g.line(ts, " INFO  [audit] audit.Trail - consent aadhaar=", MaskedAadhaar(g.r), " mobile=", MaskedMobile(g.r), " pan=", MaskedPAN(g.r))
		case 9:
			g.line(ts, " INFO  [cowin-sync] sync.Batch - beneficiary_ref_id=", BeneficiaryRef(g.r), " dose=", f("%d", 1+g.n(3)), " synced in ", f("%d", 10+g.n(400)), "ms")
		case 10:
			g.line("ts=", utc, " level=info svc=gc msg=\"gc cycle\"", f(" heap_before=%dMB heap_after=%dMB pause_us=%d goroutines=%d", 400+g.n(600), 100+g.n(300), 100+g.n(9000), 50+g.n(5000)))
		case 11:
			g.line(ts, " INFO  [payout] payout.Neft - utr ", g.pick("SBIN", "HDFC", "ICIC", "UTIB"), "R5", g.digits(11), " credited to a/c XXXXXXXX", g.digits(4))
		case 12:
			g.line(`{"ts":"`, utc, `","level":"info","msg":"request","method":"POST","path":"/v1/kyc/otp","status":202,"bytes":`, f("%d", 100+g.n(90000)),
				`,"trace_id":"`, Hex(g.r, 32), `","span_id":"`, Hex(g.r, 16), `","ckyc_no":"`, g.digits(14), `"}`)
		case 13:
			g.line(ts, " INFO  [k8s] event: pod kyc-api-", Hex(g.r, 10)[:9], "-", strings.ToLower(letters(g.r, 5)), " restarted (exit code ", f("%d", g.pick2(0, 1, 137, 143)), "), node ip-", strings.ReplaceAll(IPv4(g.r), ".", "-"))
		case 14:
			g.line(ts, " INFO  [upi] upi.Refund - refund ref ", SafeRRN(g.r), " against order ", OrderID(g.r), ", npci_txn ", strings.ToUpper(Hex(g.r, 8)), g.digits(4), ", ts ", UnixTime(g.r))
		default:
			g.line(ts, " DEBUG [db] pool stats: open=", f("%d", g.n(100)), " in_use=", f("%d", g.n(50)), " wait_count=", f("%d", g.n(100000)), " wait_ns=", f("%d", 1000+g.n(99999999)), " port=5432 ver=15.", f("%d", g.n(8)))
		}
	}
}

const timeRFC3339Milli = "2006-01-02T15:04:05.000Z"
