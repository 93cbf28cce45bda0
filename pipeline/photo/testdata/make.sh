#!/bin/sh
# make.sh writes the photo fixtures, each named after the defect it holds, with
# ImageMagick (the pictures) and exiftool (the metadata), so that the reader is
# checked against exiftool's own writing. Run it from this folder; the files it
# makes are committed, so the tests need neither tool.
set -eu
X="exiftool -q -overwrite_original"
pic() { # pic FILE: a small gradient with no metadata at all
	convert -size 64x48 gradient:'#3a7'-'#c84' -strip -define png:exclude-chunks=date,time "$1"
}
pic clean.png
convert clean.png -strip -quality 85 clean.jpg
convert clean.png -strip -quality 80 -define webp:lossless=false clean.webp

cp clean.jpg gps-exif.jpg
$X -GPSLatitude=20.7501 -GPSLatitudeRef=N -GPSLongitude=106.1667 -GPSLongitudeRef=E gps-exif.jpg
cp clean.jpg gps-xmp.jpg
$X -XMP-exif:GPSLatitude=20.7501N -XMP-exif:GPSLongitude=106.1667E gps-xmp.jpg
cp clean.jpg city-xmp.jpg
$X -XMP-photoshop:City='Minh Tien' -XMP-photoshop:State='Hung Yen' city-xmp.jpg
cp clean.jpg location-xmp.jpg
$X -XMP-iptcCore:Location='Thon 3' location-xmp.jpg
cp clean.jpg location-shown-xmp.jpg
$X -XMP-iptcExt:LocationShownCity='Minh Tien' -XMP-iptcExt:LocationShownSublocation='Thon 3' location-shown-xmp.jpg
cp clean.jpg city-iptc.jpg
$X -IPTC:City='Minh Tien' -IPTC:Sub-location='Thon 3' city-iptc.jpg
cp clean.jpg orientation-only.jpg
$X -Orientation#=6 -Make=Phone orientation-only.jpg
# A first EXIF segment without GPS, then a second one with it: readers that stop at
# the first (imagemeta does) miss the position.
python3 ./splice.py second-exif orientation-only.jpg gps-exif.jpg gps-second-exif.jpg
# A second picture appended after the end of the first, as phones do for previews.
cat clean.jpg gps-exif.jpg > gps-appended-jpeg.jpg

cp clean.png gps-exif.png
$X -GPSLatitude=20.7501 -GPSLatitudeRef=N -GPSLongitude=106.1667 -GPSLongitudeRef=E gps-exif.png
cp clean.png city-xmp-itxt.png
$X -XMP-photoshop:City='Minh Tien' city-xmp-itxt.png
cp clean.png gps-xmp.png
$X -XMP-exif:GPSLatitude=20.7501N -XMP-exif:GPSLongitude=106.1667E gps-xmp.png
# exiftool leaves XMP uncompressed; a compressed iTXt must be inflated to be read.
python3 ./splice.py compress-itxt gps-xmp.png gps-xmp-compressed-itxt.png
rm gps-xmp.png
cp clean.png coordinates-text.png
$X -PNG:Comment='20.7501, 106.1667' coordinates-text.png
cp clean.png coordinates-ztxt.png
$X -z -PNG:Comment="$(printf 'anh chup o ngoai dong, ngay mua, %.0s' 1 2 3 4 5 6) 20.7501, 106.1667" coordinates-ztxt.png
cp clean.png software-text.png
$X -PNG:Software='Phone editor' software-text.png

cp clean.webp gps-exif.webp
$X -GPSLatitude=20.7501 -GPSLatitudeRef=N -GPSLongitude=106.1667 -GPSLongitudeRef=E gps-exif.webp
cp clean.webp city-xmp.webp
$X -XMP-photoshop:City='Minh Tien' city-xmp.webp
# The EXIF chunk kept, the VP8X flag that announces it cleared.
python3 ./splice.py clear-flags gps-exif.webp gps-exif-flag-cleared.webp

# Location written as free text: a JPEG comment (decimal and degrees), EXIF
# ImageDescription, UserComment and XPComment (UTF-16), XMP dc:coverage and
# xmpDM:shotLocation. A caption with no place in it stays clean.
cp clean.jpg coordinates-comment.jpg
$X -Comment='21.0285 N, 105.8542 E nha chi Lan' coordinates-comment.jpg
cp clean.jpg coordinates-comment-dms.jpg
$X -Comment="chup o 20°41'N 106°10'E" coordinates-comment-dms.jpg
cp clean.jpg coordinates-exif-description.jpg
$X -EXIF:ImageDescription='Nha chi Lan thon Dong 21.0285,105.8542' coordinates-exif-description.jpg
cp clean.jpg coordinates-exif-usercomment.jpg
$X -EXIF:UserComment='Thon Dong 20.7 106.1' coordinates-exif-usercomment.jpg
cp clean.jpg coordinates-exif-xpcomment.jpg
$X -EXIF:XPComment='Thon Dong 20.7501 106.1667' coordinates-exif-xpcomment.jpg
cp clean.jpg coverage-xmp.jpg
$X -XMP-dc:Coverage='21.0285,105.8542 Thon Dong' coverage-xmp.jpg
cp clean.jpg shot-location-xmp.jpg
$X -XMP-xmpDM:ShotLocation='Thon Dong, Minh Tien' shot-location-xmp.jpg
cp clean.jpg description-no-place.jpg
$X -EXIF:ImageDescription='Hai con bo trong chuong moi' -XMP-dc:Description='Hai con bo' description-no-place.jpg
