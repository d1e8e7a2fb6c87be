package httpredact_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kavach-dev/kavach/redact"
	"github.com/kavach-dev/kavach/redact/httpredact"
)

// Fake identifiers with valid check digits.
const (
	aadhaar = "2341 2341 2346"
	mobile  = "9876543210"
	pan     = "ABCPD1234Z"
)

var red = redact.Default

func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestMiddleware(t *testing.T) {
	body := `{"name": "Asha", "mobile": "` + mobile + `", "note": "aadhaar ` + aadhaar + `", "pan": "` + pan + `"}` + "\n"
	tests := []struct {
		name        string
		contentType string
		encoding    string
		status      int
		redacted    bool
	}{
		{"json", "application/json", "", 200, true},
		{"json with charset", "application/json; charset=utf-8", "", 201, true},
		{"problem+json", "application/problem+json", "", 400, true},
		{"html", "text/html; charset=utf-8", "", 200, true},
		{"csv", "text/csv", "", 200, true},
		{"sniffed", "", "", 200, true},
		{"identity", "text/plain", "identity", 200, true},
		{"image", "image/png", "", 200, false},
		{"octet-stream", "application/octet-stream", "", 200, false},
		{"gzip", "application/json", "gzip", 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := httpredact.Middleware(red, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				w.WriteHeader(tt.status)
				// Write in small pieces, cutting identifiers apart.
				for i := 0; i < len(body); i += 7 {
					w.Write([]byte(body[i:min(i+7, len(body))]))
				}
			}))
			rec := serve(h, "GET", "/")
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			got := rec.Body.String()
			if !tt.redacted {
				if got != body || rec.Header().Get("Content-Length") != strconv.Itoa(len(body)) {
					t.Errorf("not passed through: %q, Content-Length %q", got, rec.Header().Get("Content-Length"))
				}
				return
			}
			want := `{"name": "Asha", "mobile": "XXXXXX3210", "note": "aadhaar XXXX XXXX 2346", "pan": "XXXXXX234Z"}` + "\n"
			if got != want {
				t.Errorf("body\n got %s\nwant %s", got, want)
			}
			if cl := rec.Header().Get("Content-Length"); cl != "" {
				t.Errorf("Content-Length %q kept", cl)
			}
			if tt.contentType == "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
				t.Errorf("sniffed Content-Type %q", rec.Header().Get("Content-Type"))
			}
		})
	}
}

func TestMiddlewareMatch(t *testing.T) {
	h := httpredact.Middleware(red, func(r *http.Request) bool {
		return strings.HasPrefix(r.URL.Path, "/api/")
	})(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "mobile "+mobile)
	}))
	if got := serve(h, "GET", "/api/user").Body.String(); got != "mobile XXXXXX3210" {
		t.Errorf("matched route: %q", got)
	}
	if got := serve(h, "GET", "/internal/user").Body.String(); got != "mobile "+mobile {
		t.Errorf("route not matched: %q", got)
	}
}

func TestMiddlewareNoBody(t *testing.T) {
	for _, code := range []int{http.StatusNotFound, http.StatusNoContent, http.StatusNotModified} {
		h := httpredact.Middleware(red, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(code)
		}))
		if rec := serve(h, "GET", "/"); rec.Code != code || rec.Body.Len() != 0 {
			t.Errorf("status %d: got %d, %q", code, rec.Code, rec.Body.String())
		}
	}
	h := httpredact.Middleware(red, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	if rec := serve(h, "GET", "/"); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("empty handler: %d, %q", rec.Code, rec.Body.String())
	}
}

func TestMiddlewareStreams(t *testing.T) {
	// Each line reaches the client before the handler writes the next: the
	// middleware holds back nothing past a Flush.
	next := make(chan struct{})
	h := httpredact.Middleware(red, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := range 3 {
			fmt.Fprintf(w, "data: event %d for mobile %s\n\n", i, mobile)
			if i%2 == 0 {
				w.(http.Flusher).Flush()
			} else if err := http.NewResponseController(w).Flush(); err != nil {
				t.Error(err)
			}
			select {
			case <-next:
			case <-time.After(5 * time.Second):
				t.Error("the client did not get an event")
				return
			}
		}
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	for i := range 3 {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("data: event %d for mobile XXXXXX3210\n", i); line != want {
			t.Errorf("got %q, want %q", line, want)
		}
		br.ReadString('\n')
		next <- struct{}{}
	}
}

func TestMiddlewareLargeBody(t *testing.T) {
	var body strings.Builder
	for i := 0; body.Len() < 1<<20; i++ {
		fmt.Fprintf(&body, "row %d, mobile %s, aadhaar %s\n", i, mobile, aadhaar)
	}
	h := httpredact.Middleware(red, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.Copy(w, strings.NewReader(body.String()))
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if want := red.String(body.String()); string(got) != want {
		t.Errorf("streamed body differs from String (%d vs %d bytes)", len(got), len(want))
	}
}

func TestQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"mobile=" + mobile, "mobile=XXXXXX3210"},
		{"phone=98765%2043210&page=2", "phone=XXXXX+X3210&page=2"},
		{"q=call+" + mobile + "&x", "q=call+XXXXXX3210&x"},
		{"aadhaar=2345-6789&sort=asc;pan=x1234", "aadhaar=XXXX-6789&sort=asc;pan=X1234"},
		{"a=%zz+" + mobile, "a=%25zz+XXXXXX3210"},
		{mobile + "=1", "XXXXXX3210=1"},
		{"page=2&limit=50", "page=2&limit=50"},
		{"next=%2Fhome%3Fa%3D1", "next=%2Fhome%3Fa%3D1"},
	}
	for _, tt := range tests {
		if got := httpredact.Query(red, tt.in); got != tt.want {
			t.Errorf("Query(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	u, _ := url.Parse("/users/" + mobile + "/kyc?aadhaar=" + url.QueryEscape(aadhaar))
	if got, want := httpredact.URL(red, u), "/users/XXXXXX3210/kyc?aadhaar=XXXX+XXXX+2346"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}

func TestLogRequest(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, nil))
	h := httpredact.LogRequest(red, l)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
		io.WriteString(w, "hello")
	}))
	serve(h, "GET", "/lookup/"+mobile+"?mobile="+mobile+"&pan="+pan+"&page=3")
	out := buf.String()
	for _, want := range []string{"method=GET", "path=/lookup/XXXXXX3210", "query=\"mobile=XXXXXX3210&pan=XXXXXX234Z&page=3\"", "status=418", "bytes=5"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from %s", want, out)
		}
	}
	for _, id := range []string{mobile, pan} {
		if strings.Contains(out, id) {
			t.Errorf("%q logged: %s", id, out)
		}
	}
}

func ExampleMiddleware() {
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `{"name": "Asha", "mobile": "+91 98765 43210", "aadhaar": "2341 2341 2346"}`)
	})
	h := httpredact.Middleware(redact.Default, nil)(api)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/customers/42", nil))
	fmt.Print(rec.Body.String())
	// Output:
	// {"name": "Asha", "mobile": "+91 XXXXX X3210", "aadhaar": "XXXX XXXX 2346"}
}

func ExampleLogRequest() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{} // for a stable output
			}
			return a
		},
	}))
	h := httpredact.LogRequest(redact.Default, logger)(http.NotFoundHandler())
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/lookup?mobile=9876543210", nil))
	// Output:
	// level=INFO msg=request method=GET path=/lookup query="mobile=XXXXXX3210" status=404 bytes=19
}
