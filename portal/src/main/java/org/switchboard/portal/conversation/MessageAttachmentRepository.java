package org.switchboard.portal.conversation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageAttachmentRepository extends JpaRepository<MessageAttachment, Long> {

    /** File facts without the bytes, for showing a conversation. */
    @Query("select new org.switchboard.portal.conversation.AttachmentView(a.id, a.messageId, a.fileName,"
            + " a.contentType, a.sizeBytes, a.inline) from MessageAttachment a where a.messageId in :messageIds"
            + " order by a.id")
    List<AttachmentView> findViewsByMessageIds(Collection<Long> messageIds);
}
