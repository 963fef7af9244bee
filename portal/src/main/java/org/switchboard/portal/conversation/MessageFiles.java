package org.switchboard.portal.conversation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.Attachment;

/** The files of a message with their bytes: stored with an agent's reply, handed to the channel to send. */
@Service
public class MessageFiles {

    @PersistenceContext
    private EntityManager entityManager;

    /** Stores files with a message, in the caller's transaction (the reply and its files commit together). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attach(long messageId, List<Attachment> files) {
        files.forEach(file -> entityManager.persist(new MessageAttachment(messageId, file)));
    }

    /** A message's files with their bytes, in the order they were attached. */
    @Transactional(readOnly = true)
    public List<Attachment> contentOf(long messageId) {
        return entityManager.createQuery("select a from MessageAttachment a where a.messageId = :id order by a.id",
                        MessageAttachment.class)
                .setParameter("id", messageId).getResultList().stream()
                .map(a -> new Attachment(a.getFileName(), a.getContentType(), a.getContent(), a.isInline(),
                        a.getContentId()))
                .toList();
    }
}
