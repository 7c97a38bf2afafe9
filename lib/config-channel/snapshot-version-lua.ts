// A Lua function reading a stored snapshot's version, shared by the scripts that need it.

/**
 * The stored snapshot's version without decoding it (tens of MB at scale, and Lua blocks
 * Redis): the writer's JSON starts with {"version":N (the schema's first key). Anything
 * else (hand-written, corrupt) is decoded, or counts as 0.
 */
export const SNAPSHOT_VERSION_LUA = `
local function snapshotVersion(key)
  local head = redis.call('GETRANGE', key, 0, 40)
  if head == '' then return 0 end
  local v = string.match(head, '^{"version":(%d+)[,}]')
  if v then return tonumber(v) end
  local ok, d = pcall(cjson.decode, redis.call('GET', key))
  if ok and type(d) == 'table' and tonumber(d['version']) then return tonumber(d['version']) end
  return 0
end
`;
