module github.com/kavach-dev/kavach

go 1.26.0

require golang.org/x/text v0.43.0

require github.com/dlclark/regexp2 v1.12.0
