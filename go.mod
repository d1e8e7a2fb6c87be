module github.com/kavach-dev/kavach

go 1.24
