-- The OCR column of the articles table sorts and filters on how doubtful a scan's reading is: the
-- lowest confidence (0–100) among the pages OCR read with low confidence, NULL for every article
-- without such a page. It is kept on `article` beside the other sort keys so the sort reads an
-- index like theirs, instead of looking up every article's document metadata.
ALTER TABLE article ADD COLUMN ocr_lowest INTEGER CHECK (ocr_lowest BETWEEN 0 AND 100);

CREATE INDEX article_by_ocr_lowest ON article (ocr_lowest, id);

-- The flagged pages are listed in the document's metadata as the reader shows them:
-- "p. 2 (45%), p. 5 (61%)", or "45%" for a single image (lowConfidencePages in
-- electron/services/extract/formats/ocr.ts). Each item's number before '%' is its confidence.
CREATE TRIGGER article_document_ocr_lowest AFTER INSERT ON article_document
WHEN json_extract(new.metadata, '$.ocrLowConfidence') IS NOT NULL BEGIN
  UPDATE article SET ocr_lowest = (
    SELECT min(CAST(rtrim(substr(p.value, instr(p.value, '(') + 1), '%)') AS INTEGER))
    FROM json_each('["' || replace(json_extract(new.metadata, '$.ocrLowConfidence'), ', ', '","') || '"]') p
  ) WHERE id = new.article_id;
END;

-- Scans imported before this schema.
UPDATE article SET ocr_lowest = (
  SELECT min(CAST(rtrim(substr(p.value, instr(p.value, '(') + 1), '%)') AS INTEGER))
  FROM article_document d, json_each('["' || replace(json_extract(d.metadata, '$.ocrLowConfidence'), ', ', '","') || '"]') p
  WHERE d.article_id = article.id
) WHERE id IN (SELECT article_id FROM article_document WHERE json_extract(metadata, '$.ocrLowConfidence') IS NOT NULL);
