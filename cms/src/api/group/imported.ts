/** How many of its newest imported posts and photos a group read carries with `populate=posts` / `populate=photos`. */
export const NEWEST_IMPORTED = 10;

/** The `posts` and `photos` fields, as the API description states them. */
export const IMPORTED_SCHEMA = (kind: 'post' | 'photo') => ({
  type: 'array',
  description: `Present when asked for with \`populate=${kind}s\` (alone, in a list, or with \`populate=*\`): the group's newest ${NEWEST_IMPORTED} imported ${kind}s, newest first — the rows of \`/api/community/${kind}s?group=…\` without their \`group\`.`,
  items: { $ref: kind === 'post' ? '#/components/schemas/GroupPost' : '#/components/schemas/GroupPhoto' },
});
