// Command httpmiddleware shows kavach around an HTTP API: responses are
// redacted as they stream out by httpredact.Middleware, and requests are
// logged without the identifiers in their paths and queries by
// httpredact.LogRequest.
//
// Usage:
//
//	go run ./examples/httpmiddleware [-addr HOST:PORT]
//
// The API serves the customer records it ships (testdata/customers.json,
// embedded in the program):
//
//	GET /api/customers/{id}   a record as JSON
//	GET /lookup?mobile=...    which record has that mobile number, as text
//	GET /logo.png             an image, passed through untouched
//
// With no flag, the program starts the API on a local port, makes a few
// requests to it as a client would, and prints the responses and the request
// log. With -addr it serves on that address until interrupted.
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/kavach-dev/kavach/redact"
	"github.com/kavach-dev/kavach/redact/httpredact"
)

//go:embed testdata/customers.json
var shipped []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// customer is a record of the API.
type customer struct {
	Name     string `json:"name"`
	Mobile   string `json:"mobile"`
	Aadhaar  string `json:"aadhaar,omitempty"`
	PAN      string `json:"pan,omitempty"`
	Passport string `json:"passport,omitempty"`
	City     string `json:"city"`
}

// logo is a tiny PNG: a binary body the middleware passes through.
var logo = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// api returns the handler of the API, redacting and logging.
func api(customers map[string]customer, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		c, ok := customers[r.PathValue("id")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(c)
	})
	mux.HandleFunc("GET /lookup", func(w http.ResponseWriter, r *http.Request) {
		want := digits(r.URL.Query().Get("mobile"))
		for id, c := range customers {
			if want != "" && strings.HasSuffix(digits(c.Mobile), want) {
				fmt.Fprintf(w, "customer %s: %s, mobile %s, %s\n", id, c.Name, c.Mobile, c.City)
				return
			}
		}
		http.Error(w, "no customer with mobile "+r.URL.Query().Get("mobile"), http.StatusNotFound)
	})
	mux.HandleFunc("GET /logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(logo)
	})
	red := redact.Default
	redactBodies := httpredact.Middleware(red, func(r *http.Request) bool {
		return r.URL.Path != "/healthz" // every route but the health check
	})
	return httpredact.LogRequest(red, log)(redactBodies(mux))
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("httpmiddleware", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "serve on `HOST:PORT` until interrupted instead of running the demo")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var customers map[string]customer
	if err := json.Unmarshal(shipped, &customers); err != nil {
		fmt.Fprintf(stderr, "httpmiddleware: %v\n", err)
		return 2
	}
	if *addr != "" {
		log := slog.New(slog.NewTextHandler(stderr, nil))
		fmt.Fprintf(stderr, "serving on http://%s/api/customers/1\n", *addr)
		if err := http.ListenAndServe(*addr, api(customers, log)); err != nil {
			fmt.Fprintf(stderr, "httpmiddleware: %v\n", err)
			return 2
		}
		return 0
	}

	var logBuf strings.Builder
	log := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && (a.Key == slog.TimeKey || a.Key == "duration") {
				return slog.Attr{} // for an output that is the same on every run
			}
			return a
		},
	}))
	srv := httptest.NewServer(api(customers, log))
	defer srv.Close()
	for _, target := range []string{
		"/api/customers/1",
		"/api/customers/2",
		"/lookup?mobile=9123456789",
		"/lookup?mobile=%2B91+98765+00000",
		"/logo.png",
	} {
		resp, err := http.Get(srv.URL + target)
		if err != nil {
			fmt.Fprintf(stderr, "httpmiddleware: %v\n", err)
			return 2
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			fmt.Fprintf(stderr, "httpmiddleware: %v\n", err)
			return 2
		}
		// The request line is printed as the log shows it: even the
		// client's own output should not show the identifiers it sent.
		fmt.Fprintf(stdout, "GET %s\n%s, %s, Content-Length %q\n", httpredact.URL(redact.Default, resp.Request.URL),
			resp.Status, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"))
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") {
			fmt.Fprintf(stdout, "(%d bytes of PNG, passed through)\n\n", len(body))
		} else {
			fmt.Fprintf(stdout, "%s\n", body)
		}
	}
	fmt.Fprintf(stdout, "request log:\n%s", logBuf.String())
	return 0
}
