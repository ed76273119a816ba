-- The OCR column's sort key (ocr_lowest, migration 013) comes from a number the reader of a scan
-- writes beside the text it shows (`ocrLowest` in the document's metadata), no longer parsed out of
-- that text ("p. 2 (45%), p. 5 (61%)"): the wording of the reader's note can change without the sort
-- silently breaking. Scans stored before keep the key 013 computed for them (and an undo restores the
-- article row with its key).
DROP TRIGGER IF EXISTS article_document_ocr_lowest;

CREATE TRIGGER article_document_ocr_lowest AFTER INSERT ON article_document
WHEN json_extract(new.metadata, '$.ocrLowest') IS NOT NULL BEGIN
  UPDATE article SET ocr_lowest = json_extract(new.metadata, '$.ocrLowest') WHERE id = new.article_id;
END;
