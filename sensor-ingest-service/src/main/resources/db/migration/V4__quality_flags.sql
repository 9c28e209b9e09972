-- Quality flags of stored readings (for example 'stuck' or 'rate_of_change'); NULL when none.
ALTER TABLE readings ADD COLUMN quality text[];

-- When the latest value was first seen, for the stuck-value check.
ALTER TABLE latest_readings ADD COLUMN value_since timestamptz;
UPDATE latest_readings SET value_since = observed_at WHERE value_since IS NULL;
