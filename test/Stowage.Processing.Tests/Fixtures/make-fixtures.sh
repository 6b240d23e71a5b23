#!/bin/sh
# Rebuilds the archive fixtures. Needs Debian's libarchive-tools (bsdtar writes 7z), p7zip-full (encrypted 7z)
# and python3 (make_rar.py writes RAR 4.x, since no free tool does). Verify with: bsdtar -tvf FILE; unrar-free -t FILE.rar
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

mkdir -p tree/docs/deep tree/unicode
printf 'hello 7z\n' > tree/hello.txt
printf 'nested' > tree/docs/deep/n.txt
: > tree/empty.txt
printf 'caf\303\251' > "tree/unicode/$(printf 'r\303\251sum\303\251.txt')"
ln -s hello.txt tree/link
printf 'evil' > evil.txt
printf 'hello rar\n' > rar-hello.txt
printf 'deep rar' > rar-deep.txt
: > rar-empty.txt
find . -exec touch -h -d '2024-01-01 00:00:00' {} +

rm -f "$here"/*.7z "$here"/*.rar
(cd tree && bsdtar --format 7zip -cf "$here/sample.7z" hello.txt docs empty.txt unicode link)
# -P keeps the names that bsdtar would otherwise make safe; -s renames the stored entry.
cp evil.txt abs.txt && touch -d '2024-01-01 00:00:00' abs.txt
bsdtar -P --format 7zip -cf "$here/traversal.7z" -s ',^evil,../evil,' -s ',^abs,/etc/abs,' evil.txt abs.txt
(cd tree && 7z a -bd -bso0 -pSecret -mhe=off "$here/encrypted.7z" hello.txt)

python3 "$here/make_rar.py" "$here/sample.rar" \
    hello.txt=rar-hello.txt docs/ docs/deep/ docs/deep/n.txt=rar-deep.txt empty.txt=rar-empty.txt \
    ../evil.txt=evil.txt /etc/abs.txt=evil.txt link@hello.txt
