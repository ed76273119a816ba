-- The learner asks whether name decisions wait (db/adaptedModel.ts) when the core starts and after
-- each write call: for each command, whether any of its rows is a mention's. Through the index by
-- command, that read every row of a command until one was: a tagging of 100,000 articles was
-- 100,000 lookups, and the first count of a long history took 260 ms at 870,000 rows. This index
-- holds the mention rows alone and answers each command with one look.
CREATE INDEX command_row_mentions ON command_row (command_id) WHERE tbl = 'mention';
