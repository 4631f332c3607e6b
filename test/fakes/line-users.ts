// Who the fake LINE channel knows, and whether each person still follows it
// (a user who blocks the official account stops following it).
import type { messagingApi } from '@line/bot-sdk';

export interface LineUser extends messagingApi.UserProfileResponse {
  following: boolean;
}

export class LineUserDirectory {
  private readonly users = new Map<string, LineUser>();

  add(profile: Partial<messagingApi.UserProfileResponse> & { userId: string }, following = true): LineUser {
    const user: LineUser = {
      displayName: `LINE user ${profile.userId.slice(1, 7)}`,
      language: 'zh-TW',
      ...profile,
      following,
    };
    this.users.set(user.userId, user);
    return user;
  }

  get(userId: string): LineUser | undefined {
    return this.users.get(userId);
  }

  /** Adds the user if unknown, then sets whether they follow the channel. */
  setFollowing(userId: string, following: boolean): LineUser {
    const user = this.users.get(userId) ?? this.add({ userId }, following);
    user.following = following;
    return user;
  }

  /** The profile as GET /v2/bot/profile returns it, if the bot may see it. */
  profile(userId: string): messagingApi.UserProfileResponse | undefined {
    const user = this.users.get(userId);
    if (!user?.following) return undefined;
    const { following: _following, ...profile } = user;
    return profile;
  }
}
