// Package loggen writes the service logs that the benchmarks of detectors
// and redact read, deterministically, so that every run measures the same
// bytes: JSON lines with a mobile number on each, an nginx access log and
// application log lines with no identifier.
package loggen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Logs are the three kinds of log text Service writes.
type Logs struct {
	// JSON holds JSON log lines of a payment service: a timestamp, a
	// 12-digit reference, an order number, an amount, a user id, a mobile
	// number written "+91 98765 43210", an IPv4 address and a trace id.
	JSON []byte
	// Access holds nginx access log lines (the combined format) with no
	// identifier.
	Access []byte
	// Plain holds application log lines with no identifier: a timestamp,
	// counters, durations.
	Plain []byte
}

// Service returns at least size bytes of each kind of log, whole lines.
func Service(size int) Logs {
	r := rand.New(rand.NewPCG(42, 42))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.IntN(10))
		}
		return string(b)
	}
	var json, access, plain strings.Builder
	for json.Len() < size {
		fmt.Fprintf(&json, `{"ts":"2026-11-22T10:%02d:%02d.%03dZ","level":"info","msg":"payment settled","rrn":"1%s","order_id":"ORD%s","amount":%d.%02d,"user":{"id":%d,"mobile":"+91 98%s %s"},"ip":"10.%d.%d.%d","trace":"%x"}`+"\n",
			r.IntN(60), r.IntN(60), r.IntN(1000), digits(11), digits(8), r.IntN(99999), r.IntN(100), r.IntN(1e6), digits(3), digits(5), r.IntN(255), r.IntN(255), r.IntN(255), r.Uint64())
	}
	for access.Len() < size {
		fmt.Fprintf(&access, `10.%d.%d.%d - - [22/Nov/2026:10:%02d:%02d +0530] "GET /api/v1/orders/%d?page=%d&sort=desc HTTP/1.1" 200 %d "-" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"`+"\n",
			r.IntN(255), r.IntN(255), r.IntN(255), r.IntN(60), r.IntN(60), r.IntN(1e6), r.IntN(50), r.IntN(99999))
	}
	for plain.Len() < size {
		fmt.Fprintf(&plain, "2026-11-22 10:%02d:%02d INFO worker-%d processed batch %d in %dms (queue depth %d, retries %d) status=ok\n",
			r.IntN(60), r.IntN(60), r.IntN(16), r.IntN(1e6), r.IntN(5000), r.IntN(100), r.IntN(3))
	}
	return Logs{JSON: []byte(json.String()), Access: []byte(access.String()), Plain: []byte(plain.String())}
}
