package photo

// What the external tests need of the package's inside.
var (
	IsPlace      = isPlace
	PNGSignature = pngSignature
)
