// Package story checks the success stories officers publish (DESIGN 3.5) and helps
// them start one.
//
// A story is a Hugo page bundle: content/stories/<yyyy>-<slug>/index.vi.md, an optional
// index.en.md and photos. Check refuses a story that could hurt the household it tells
// about or break the site:
//
//   - front matter: a required field missing (title, date, summary, village,
//     programmes, indicators, author_role, consent), an unknown field (it could carry
//     personal data), a date that is not year-month-day or not in the folder's year,
//     a village, programme or indicator code that does not exist, a code that is not
//     quoted (3.1 would reach Hugo as a number);
//   - consent: it must be true in every story. A success story always describes a
//     household, and in a commune of a few thousand households readers recognise it
//     from its village, its circumstances and the support it received, even without a
//     name. A rule that tried to guess whether a household is identifiable would fail
//     exactly when it matters, so there is no exception;
//   - personal numbers anywhere in the file: Vietnamese mobile and landline numbers
//     (0[35789]…, +84…), citizen-ID numbers (9 or 12 digits) and other long digit runs,
//     with or without spaces, dots or dashes;
//   - the text, parsed with goldmark: a level-1 heading or a heading that skips a
//     level, raw HTML, an image without alt text, a link or image to a file that is
//     not in the bundle or lies outside it;
//   - photos: one without alt text, missing from the bundle, not JPEG, PNG or WebP by
//     name and content (HEIC, TIFF…), over the bounds of package photo (file size,
//     pixels, read from the headers before any decoding), or carrying GPS or place
//     metadata in any EXIF, XMP, IPTC or PNG text block (package photo reads them
//     all). FixPhotos rewrites a photo with any metadata without any (portal check
//     --fix-photos).
//
// The site never publishes an original photo: PublishPhotos writes a decoded and
// re-encoded copy of each into build/, and Hugo, which never mounts the originals,
// resizes those copies.
package story
