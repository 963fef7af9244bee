package org.switchboard.portal.collaboration;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agents a note can mention: everyone who can sign in. */
@Service
public class Teammates {

    @PersistenceContext
    private EntityManager entityManager;

    /** Enabled agents by name. */
    @Transactional(readOnly = true)
    public List<Teammate> enabled() {
        return entityManager.createQuery("""
                select new org.switchboard.portal.collaboration.Teammate(a.id, a.displayName, a.email)
                from Agent a where a.enabled = true order by a.displayName, a.id""", Teammate.class).getResultList();
    }
}
