import { graphql } from '../../../gql';

export const SessionInfoFieldsFragment = graphql(`
  fragment SessionInfoFields on SessionInfo {
    id
    current
    createdAt
    lastSeenAt
    expiresAt
    ipAddress
    userAgent
    secondFactor
  }
`);

export const SessionsDocument = graphql(`
  query Sessions {
    sessions {
      ...SessionInfoFields
    }
  }
`);

export const RevokeSessionDocument = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      ...SessionInfoFields
    }
  }
`);

export const RevokeOtherSessionsDocument = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions {
      ...SessionInfoFields
    }
  }
`);
