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
//   - warnings (warnings.go): a name after an honorific, a street address, the
//     placeholder text of `portal new story`;
//   - photos: one without alt text, missing from the bundle, not JPEG, PNG or WebP by
//     name and content (HEIC, TIFF…), over the bounds of package photo (file size,
//     pixels, read from the headers before any decoding), or carrying GPS or place
//     metadata in any EXIF, XMP, IPTC or PNG text block (package photo reads them
//     all). FixPhotos rewrites a photo with any metadata without any (portal check
//     --fix-photos).
//
// The templates are a second line: Hugo's built-in shortcodes are replaced by ones that
// fail the build, the story render hooks fail on an image or a linked file that is not
// a photo of the bundle and never mark an address safe, and `portal build` fails when a
// page would be written over a file the pipeline publishes (/data/, /api/). The site
// never publishes an original photo: PublishPhotos writes a decoded and re-encoded copy
// of each into build/, and Hugo, which never mounts the originals, resizes those copies.
package story
