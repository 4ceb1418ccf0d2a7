#!/bin/sh
# Fetches the Arabic fonts the press kit embeds (and the app serves for its Arabic pages) into
# data/fonts/: Noto Sans Arabic Regular and Bold, with their SIL Open Font License, from the npm
# package @expo-google-fonts/noto-sans-arabic (Google Fonts' files, repackaged unchanged).
# The TTFs are committed: run this only to update them, then review data/fonts/README.md.
set -eu

VERSION=0.4.3
PACKAGE="@expo-google-fonts/noto-sans-arabic@$VERSION"
HERE=$(cd "$(dirname "$0")/.." && pwd)
FONTS="$HERE/data/fonts"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "$PACKAGE" >/dev/null
tar -xzf expo-google-fonts-noto-sans-arabic-$VERSION.tgz
mkdir -p "$FONTS"
cp package/400Regular/NotoSansArabic_400Regular.ttf "$FONTS/NotoSansArabic-Regular.ttf"
cp package/700Bold/NotoSansArabic_700Bold.ttf "$FONTS/NotoSansArabic-Bold.ttf"
cp package/LICENSE_FONT "$FONTS/OFL.txt"
sha256sum "$FONTS"/NotoSansArabic-*.ttf
