// Package photo reads the metadata of the story photos (JPEG, PNG, WebP) and makes
// the metadata-free copies that the site publishes.
//
// Its reader walks every container a photo can hide metadata in: every APP1, APP13
// and comment segment of a JPEG (before, between and after its scans, and a second
// picture appended after its end), every chunk of a PNG (eXIf and the tEXt, zTXt
// and iTXt text chunks, inflated with a bound) and of a WebP (EXIF and XMP chunks,
// whatever the VP8X flags say). It then searches the whole file once more for the
// signatures of EXIF, XMP and Photoshop blocks, so a block tucked where no container
// puts it is read too. github.com/bep/imagemeta, which Hugo uses, stops at the first
// EXIF and XMP segment, skips PNG text chunks and trusts the WebP flags, so it is not
// enough on its own for a check that must not miss a household's coordinates.
package photo
