'use strict';

// Strapi runs migrations before it syncs the schema, and only as JavaScript: this one makes
// room for the unique key on a feed's state (group, URL) by keeping the oldest row of any
// feed two instances once recorded twice.
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('community_feed_states'))) return;
    await knex('community_feed_states')
      .whereNotIn('id', knex('community_feed_states').min('id').groupBy('group_document_id', 'feed_url'))
      .delete();
  },
};
