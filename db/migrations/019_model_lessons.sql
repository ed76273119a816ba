-- Which of the analyst's lessons the workspace model kept (tagger/lessons.ts): 'rejections',
-- 'memory', 'weights' or 'all', chosen on the analyst's own decisions; NULL before a training.
ALTER TABLE adapted_model ADD COLUMN lessons TEXT;
