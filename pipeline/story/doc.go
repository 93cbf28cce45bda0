// Package story checks the content folder that officers and maintainers edit by pull
// request (DESIGN 3.5), and helps officers start a story.
//
// Anyone who can open a pull request can write a story, and a maintainer merges what
// `portal check` passes, so Check is the site's security boundary: it reads every file
// under content/, by allowlist, and `portal build` renders exactly the folder it read.
//
//   - accounting (content.go): a file is a story bundle's index.vi.md or index.en.md
//     (content/stories/<yyyy>-<slug>/), a page of MaintainerPages (the one list of the
//     maintainers' pages, in each language), or a photo (.jpg, .jpeg, .png, .webp) that a
//     story declares in photos or shows in its text. Anything else is refused: a loose
//     content/stories/x.md, an .org, .html or .markdown page, index.en.org, an
//     _index.*.md inside a bundle, a sub-folder of a bundle, a hidden file, a symbolic
//     link, an undeclared photo, and every attachment;
//   - attachments: none. A PDF or a text file would be published unread by the
//     personal-data scan, and an SVG, XHTML, XML or HTML file would run its script at
//     the site's origin; scanning every format reliably is not possible, refusing is;
//   - front matter: YAML between two lines of exactly ---; TOML, JSON and a YAML
//     document marker inside are refused rather than read another way than Hugo reads
//     them. A story's keys are Fields, a page's its Page.Keys: never url, aliases,
//     outputs, build, cascade, layout, type, slug... (keys are case-sensitive here, and
//     Hugo's are not, so URL is refused too). A story's required fields must be set
//     (title, date, summary, village, programmes, indicators, author_role, consent) and
//     its codes quoted and known; consent must be the literal true in every story: in a
//     commune of a few thousand households, readers recognise a household from its
//     village and circumstances, even without a name;
//   - front-matter text (fieldtext.go): title, summary, author_role and every alt text
//     must parse, as goldmark reads them, to plain paragraphs of text (Hugo renders the
//     summary as Markdown): no raw HTML, link, image, emphasis, code, heading, list or
//     quote; codes and photo paths are read exactly as Hugo reads them, so one with a
//     space at either end is refused, not trimmed; a date's year must lie between 2021
//     and the last review year + 1 and equal the folder's; an author_role of two to four
//     capitalised words starting with a common family name, and no office word, reads as
//     a person's name and is refused;
//   - shape (bounds.go), before any parsing: goldmark's time grows with the square of
//     the nesting depth, so a text over 256 KB, a line over 16 KB, a line opening more
//     than 8 quotes or lists or indented by more than 40 columns, or a text with more
//     than 4000 Markdown marks is refused unparsed;
//   - text (body.go, links.go), parsed with goldmark as Hugo does: no shortcode ({{< or
//     {{% in any spacing, escaped or inside code: Hugo expands them before Markdown, so
//     they are looked for in the raw text); no raw HTML; heading attributes other than an
//     id; links only https:, http:, mailto: or relative, judged as written, entity-decoded
//     and percent-decoded without spaces or control characters ("java&#x09;script:" is
//     refused); no address starting with // or holding a backslash (another host); an
//     address the render hook could not parse is refused, so the check fails where the
//     build would; an image only a photo of the bundle, never from another host;
//   - personal numbers (numbers.go, normalise.go) anywhere in the file, after NFKC,
//     entity decoding, dropping zero-width characters and Markdown emphasis: mobile and
//     landline numbers, citizen-ID numbers, other long digit runs, with any separators
//     between digit groups, inside web addresses too;
//   - warnings (warnings.go), read across line breaks: a name after an honorific or a
//     kinship word (capitalised, or a common given name in any case, or after Ô. B.), a
//     street address (số nhà, đường, ngõ, thôn after a house number, a number before a
//     street name), the placeholder text of `portal new story` whatever its punctuation;
//   - photos: one without alt text, missing from the bundle, not JPEG, PNG or WebP by
//     name and content (HEIC, TIFF…), over the bounds of package photo (file size,
//     pixels, read from the headers before any decoding), or carrying GPS or place
//     metadata in any EXIF, XMP, IPTC or PNG text block, or coordinates written in a
//     caption or comment (package photo reads them all). FixPhotos rewrites a photo with any metadata without any (portal check
//     --fix-photos).
//
// The templates are a second line: Hugo's built-in shortcodes are replaced by ones that
// fail the build, the story render hooks fail on an image or a linked file that is not
// a photo of the bundle and never mark an address safe, and `portal build` fails when a
// page would be written over a file the pipeline publishes (/data/, /api/). The site
// never publishes an original photo: PublishPhotos writes a decoded and re-encoded copy
// of each into build/, and Hugo, which never mounts the originals, resizes those copies.
package story
