import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { AuthPrincipal } from '../auth/auth-principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiJsonResponse, ValidQuery } from '../common/validation/schema-validation.pipe';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe';
import { NotificationsService } from './notifications.service';

const NotificationListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  },
  { additionalProperties: false },
);

const Notification = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String(),
    title: Type.String(),
    body: Type.Union([Type.String(), Type.Null()]),
    instanceId: Type.Union([Type.String(), Type.Null()]),
    taskId: Type.Union([Type.String(), Type.Null()]),
    read: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Notification' },
);

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listNotifications',
    summary: 'My in-app notifications, newest first, with the unread count',
  })
  @ApiJsonResponse(200, Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }))
  list(
    @CurrentPrincipal() principal: AuthPrincipal,
    @ValidQuery(NotificationListQuery) query: Static<typeof NotificationListQuery>,
  ) {
    return this.notifications.list(principal, {
      unreadOnly: query.unread === 'true',
      limit: Math.min(Number(query.limit ?? 50) || 50, 200),
      offset: Number(query.offset ?? 0),
    });
  }

  @Get('unread-count')
  @ApiOperation({ operationId: 'countUnreadNotifications', summary: 'How many of my notifications are unread' })
  @ApiJsonResponse(200, Type.Object({ unread: Type.Integer() }))
  unread(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.notifications.unreadCount(principal);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all my notifications read' })
  @ApiJsonResponse(200, Type.Object({ updated: Type.Integer() }))
  readAll(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.notifications.markAllRead(principal);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one of my notifications read' })
  async read(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<void> {
    await this.notifications.markRead(principal, id);
  }
}
