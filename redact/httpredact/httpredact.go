// Package httpredact keeps identifiers out of what an HTTP server sends and
// logs: [Middleware] redacts response bodies as they stream, and [LogRequest]
// logs requests with the identifiers in their paths and queries masked.
//
// Both take a *redact.Redactor, which is safe for concurrent use: build it
// once and share it between handlers.
package httpredact

import (
	"bufio"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/kavach-dev/kavach/redact"
)

// Middleware returns middleware that redacts the bodies of the responses to
// the requests for which match returns true (every request when match is
// nil), as they are written: the response streams, with only the few
// kilobytes that could be part of an identifier held back.
//
// Only text is redacted: a Content-Type of text/*, JSON (application/json,
// application/*+json, application/x-ndjson), XML (application/xml,
// application/*+xml), application/javascript, application/csv or
// application/x-www-form-urlencoded. When the handler sets no Content-Type,
// it is sniffed from the first write with http.DetectContentType and set, as
// net/http would. Any other type, and a body with a Content-Encoding other
// than identity, passes through untouched: install Middleware inside (after)
// any compressing middleware, so that it sees the body before compression.
//
// For a redacted response the Content-Length header is removed, since
// redaction may change the length. Flush (also through
// http.ResponseController) writes out what has been redacted so far; an
// identifier split across a Flush is seen as two pieces, which may not be
// recognised, so flush between messages, not inside them.
func Middleware(r *redact.Redactor, match func(*http.Request) bool) func(http.Handler) http.Handler {
	// The redacting writers, with their buffers, are reused from one
	// response to the next.
	pool := &sync.Pool{New: func() any { return r.NewWriter(io.Discard) }}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if match != nil && !match(req) {
				next.ServeHTTP(w, req)
				return
			}
			rw := &responseWriter{ResponseWriter: w, pool: pool}
			defer rw.finish()
			next.ServeHTTP(rw, req)
		})
	}
}

// responseWriter redacts the body written through it.
type responseWriter struct {
	http.ResponseWriter
	pool      *sync.Pool // of *redact.Writer
	code      int        // status given to WriteHeader, not yet passed on
	decided   bool       // the header has been passed on
	redacting bool
	done      bool           // the handler has returned
	w         *redact.Writer // the redacting writer, while redacting
	err       error          // the first write error
}

// WriteHeader records the status; the header goes out with the first write,
// once it is known whether the body is redacted.
func (rw *responseWriter) WriteHeader(code int) {
	if rw.decided {
		rw.ResponseWriter.WriteHeader(code) // let net/http report the superfluous call
		return
	}
	if code >= 100 && code <= 199 && code != http.StatusSwitchingProtocols {
		// Informational responses (103 Early Hints) go out at once; the
		// final status comes later.
		rw.ResponseWriter.WriteHeader(code)
		return
	}
	if rw.code == 0 {
		rw.code = code
	}
}

// decide passes the header on, choosing whether the body is redacted; p is
// the first piece of the body, for sniffing.
func (rw *responseWriter) decide(p []byte) {
	rw.decided = true
	h := rw.Header()
	ct := h.Get("Content-Type")
	if ct == "" && len(p) > 0 {
		if _, ok := h["Content-Type"]; !ok {
			ct = http.DetectContentType(p)
			h.Set("Content-Type", ct)
		}
	}
	enc := h.Get("Content-Encoding")
	if isText(ct) && (enc == "" || strings.EqualFold(enc, "identity")) && bodyAllowed(rw.code) {
		rw.redacting = true
		h.Del("Content-Length")
		rw.w = rw.pool.Get().(*redact.Writer)
		rw.w.Reset(errWriter{rw})
	}
	if rw.code != 0 {
		rw.ResponseWriter.WriteHeader(rw.code)
	}
}

func bodyAllowed(code int) bool {
	return code != http.StatusNoContent && code != http.StatusNotModified
}

// errWriteAfterReturn is returned by a write to a response after its
// handler has returned, which would otherwise bypass the redaction.
var errWriteAfterReturn = errors.New("httpredact: write after the handler returned")

// errWriter writes to the underlying ResponseWriter and remembers the first
// error.
type errWriter struct{ rw *responseWriter }

// Write writes p to the underlying ResponseWriter and remembers its first error.
func (e errWriter) Write(p []byte) (int, error) {
	n, err := e.rw.ResponseWriter.Write(p)
	if err != nil && e.rw.err == nil {
		e.rw.err = err
	}
	return n, err
}

// Write writes a piece of the body, redacted if the body is redacted.
func (rw *responseWriter) Write(p []byte) (int, error) {
	if rw.done {
		return 0, errWriteAfterReturn
	}
	if !rw.decided {
		rw.decide(p)
	}
	if !rw.redacting {
		return rw.ResponseWriter.Write(p)
	}
	if rw.err != nil {
		return 0, rw.err
	}
	return rw.w.Write(p)
}

// Flush writes out the body redacted so far and flushes the connection.
func (rw *responseWriter) Flush() {
	rw.FlushError()
}

// FlushError is Flush for http.ResponseController, returning the error.
func (rw *responseWriter) FlushError() error {
	if rw.done {
		return errWriteAfterReturn
	}
	if !rw.decided {
		rw.decide(nil)
	}
	if rw.redacting {
		// End this piece of the stream and start another.
		if err := rw.w.Close(); err != nil {
			return err
		}
		rw.w.Reset(errWriter{rw})
	}
	return http.NewResponseController(rw.ResponseWriter).Flush()
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (rw *responseWriter) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// finish writes what the redacting writer holds back.
func (rw *responseWriter) finish() {
	if !rw.decided {
		rw.decide(nil)
	}
	rw.done = true
	if rw.redacting {
		rw.w.Close()
		rw.w.Reset(io.Discard) // hold no reference to this response
		rw.pool.Put(rw.w)
		rw.w = nil
		rw.redacting = false
	}
}

// isText reports whether a response of the media type ct is redacted.
func isText(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	if strings.HasPrefix(mt, "text/") {
		return true
	}
	switch mt {
	case "application/json", "application/x-ndjson", "application/jsonl", "application/xml",
		"application/javascript", "application/ecmascript", "application/csv",
		"application/x-www-form-urlencoded", "application/graphql-response+json":
		return true
	}
	return strings.HasPrefix(mt, "application/") &&
		(strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "+xml"))
}

// URL returns the path and query of u, with identifiers redacted, for logs:
// "/users/XXXXXX3210/orders?mobile=XXXXXX3210&page=2". The path is redacted
// as text. Each query value is percent-decoded and redacted as the value of
// a field named by its key (see redact.Redactor.Field): mobile=98765%2043210
// and phone=9876543210 are masked; a value that changes is written back
// percent-encoded, anything else as it was.
func URL(r *redact.Redactor, u *url.URL) string {
	var b strings.Builder
	b.WriteString(Path(r, u))
	if u.RawQuery != "" || u.ForceQuery {
		b.WriteByte('?')
		b.WriteString(Query(r, u.RawQuery))
	}
	return b.String()
}

// Path returns the path of u with identifiers redacted, decoded as
// u.Path is, and redacted as text.
func Path(r *redact.Redactor, u *url.URL) string {
	p := u.Path
	if p == "" && u.Opaque != "" {
		p = u.Opaque
	}
	return r.String(p)
}

// Query returns the raw query rawQuery (without '?') with identifiers
// redacted. Pairs are split at '&' and ';'; each key is redacted as text and
// each value as the value of a field named by its key (see
// redact.Redactor.Field), after percent-decoding. What does not change is
// written as it was; what changes is percent-encoded again.
func Query(r *redact.Redactor, rawQuery string) string {
	var b strings.Builder
	for len(rawQuery) > 0 {
		pair := rawQuery
		sep := ""
		if i := strings.IndexAny(rawQuery, "&;"); i >= 0 {
			pair, sep, rawQuery = rawQuery[:i], rawQuery[i:i+1], rawQuery[i+1:]
		} else {
			rawQuery = ""
		}
		rawKey, rawVal, hasVal := strings.Cut(pair, "=")
		key := unescape(rawKey)
		if red := r.String(key); red != key {
			b.WriteString(url.QueryEscape(red))
		} else {
			b.WriteString(rawKey)
		}
		if hasVal {
			b.WriteByte('=')
			val := unescape(rawVal)
			if red := r.Field(key, val); red != val {
				b.WriteString(url.QueryEscape(red))
			} else {
				b.WriteString(rawVal)
			}
		}
		b.WriteString(sep)
	}
	return b.String()
}

// unescape percent-decodes a query component; one that is not well formed is
// decoded as far as it can be, so that "%zz9876543210" is still redacted.
func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0:
			b.WriteByte(byte(unhex(s[i+1])<<4 | unhex(s[i+2])))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// LogRequest returns middleware that logs each request to l when it has
// been served, at level Info with the message "request" and the attributes
// method, path and query (redacted by [Path] and [Query]; no query when the
// URL has none), status, bytes (the size of the body sent) and duration:
//
//	msg=request method=GET path=/lookup query=mobile=XXXXXX3210 status=200 bytes=42 duration=1.2ms
//
// Nothing else of the request is logged: not the headers, the body or the
// remote address. Use it with Middleware to redact the body too.
func LogRequest(r *redact.Redactor, l *slog.Logger) func(http.Handler) http.Handler {
	if l == nil {
		l = slog.Default()
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			start := time.Now()
			sw := &statusWriter{ResponseWriter: w}
			defer func() {
				status := sw.status
				if status == 0 {
					status = http.StatusOK
				}
				attrs := make([]slog.Attr, 0, 6)
				attrs = append(attrs, slog.String("method", req.Method), slog.String("path", Path(r, req.URL)))
				if req.URL.RawQuery != "" {
					attrs = append(attrs, slog.String("query", Query(r, req.URL.RawQuery)))
				}
				attrs = append(attrs, slog.Int("status", status), slog.Int64("bytes", sw.bytes),
					slog.Duration("duration", time.Since(start)))
				l.LogAttrs(req.Context(), slog.LevelInfo, "request", attrs...)
			}()
			next.ServeHTTP(sw, req)
		})
	}
}

// statusWriter records the status and the size of the body.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// WriteHeader records the status and passes it on.
func (sw *statusWriter) WriteHeader(code int) {
	if sw.status == 0 && code >= 200 {
		sw.status = code
	}
	sw.ResponseWriter.WriteHeader(code)
}

// Write counts the bytes of the body and passes them on.
func (sw *statusWriter) Write(p []byte) (int, error) {
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	n, err := sw.ResponseWriter.Write(p)
	sw.bytes += int64(n)
	return n, err
}

// Flush flushes the underlying ResponseWriter, if it can.
func (sw *statusWriter) Flush() { http.NewResponseController(sw.ResponseWriter).Flush() }

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// Hijack hijacks the underlying connection, if it can be.
func (sw *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if h, ok := sw.ResponseWriter.(http.Hijacker); ok {
		sw.status = http.StatusSwitchingProtocols
		return h.Hijack()
	}
	return nil, nil, errors.ErrUnsupported
}
