import type { Schema, Struct } from '@strapi/strapi';

export interface EventOccurrenceChange extends Struct.ComponentSchema {
  collectionName: 'components_event_occurrence_changes';
  info: {
    description: 'One occurrence of a recurring event moved to another time, or cancelled while the series goes on';
    displayName: 'Occurrence change';
  };
  attributes: {
    cancelled: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    endsAt: Schema.Attribute.DateTime;
    originalStart: Schema.Attribute.DateTime & Schema.Attribute.Required;
    startsAt: Schema.Attribute.DateTime;
  };
}

export interface EventVenue extends Struct.ComponentSchema {
  collectionName: 'components_event_venues';
  info: {
    description: 'Where an in-person event takes place';
    displayName: 'Venue';
  };
  attributes: {
    address: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    latitude: Schema.Attribute.Float &
      Schema.Attribute.SetMinMax<
        {
          max: 90;
          min: -90;
        },
        number
      >;
    longitude: Schema.Attribute.Float &
      Schema.Attribute.SetMinMax<
        {
          max: 180;
          min: -180;
        },
        number
      >;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface GroupChannel extends Struct.ComponentSchema {
  collectionName: 'components_group_channels';
  info: {
    description: 'Where a working group talks: chat, list, forum, video';
    displayName: 'Channel';
  };
  attributes: {
    kind: Schema.Attribute.Enumeration<
      ['chat', 'mailing-list', 'forum', 'video', 'social', 'other']
    > &
      Schema.Attribute.Required;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface GroupFeed extends Struct.ComponentSchema {
  collectionName: 'components_group_feeds';
  info: {
    description: 'A blog, photostream or calendar feed the importer reads';
    displayName: 'Feed';
  };
  attributes: {
    kind: Schema.Attribute.Enumeration<['blog', 'photos', 'calendar']> &
      Schema.Attribute.Required;
    title: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface GroupWorkingGroup extends Struct.ComponentSchema {
  collectionName: 'components_group_working_groups';
  info: {
    description: 'Scope, chairs, notes, repository and channels of a working group';
    displayName: 'Working group details';
  };
  attributes: {
    chairs: Schema.Attribute.Component<'shared.person', true>;
    channels: Schema.Attribute.Component<'group.channel', true>;
    meetingNotesUrl: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    repositoryUrl: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    scope: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface SharedContact extends Struct.ComponentSchema {
  collectionName: 'components_shared_contacts';
  info: {
    description: 'A public point of contact of a region';
    displayName: 'Point of contact';
  };
  attributes: {
    email: Schema.Attribute.Email;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface SharedPerson extends Struct.ComponentSchema {
  collectionName: 'components_shared_people';
  info: {
    description: 'A person named in public, e.g. a working-group chair';
    displayName: 'Person';
  };
  attributes: {
    affiliation: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'event.occurrence-change': EventOccurrenceChange;
      'event.venue': EventVenue;
      'group.channel': GroupChannel;
      'group.feed': GroupFeed;
      'group.working-group': GroupWorkingGroup;
      'shared.contact': SharedContact;
      'shared.person': SharedPerson;
    }
  }
}
