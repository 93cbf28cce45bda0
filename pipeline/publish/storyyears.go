package publish

import "github.com/minhtien/portal/pipeline/story"

// storyYears writes build/data/story_years.json: for each story folder and language,
// the review year whose figures its fact box shows, the latest review that had closed
// by the story's date (story.FactsYear). The template looks the year up instead of
// reading it off the date, which gave a June 2024 story the figures of the review
// held at the end of 2024 (issue 17).
func (w *writer) storyYears() error {
	years, err := story.FactYears(w.l.Stories(), w.in.Years)
	if err != nil {
		return err
	}
	return w.jsonFile("story_years.json", years)
}
