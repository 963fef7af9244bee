package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.switchboard.portal.knowledge.ArticleView;
import org.switchboard.portal.knowledge.KnowledgeBase;

/** Admins write the knowledge base the assistant answers from and agents insert into replies. */
@Route("admin/knowledge")
@PageTitle("Knowledge base · Switchboard")
@RolesAllowed("ADMIN")
public class KnowledgeBaseView extends VerticalLayout {

    final Grid<ArticleView> articles = new Grid<>();
    final TextField title = new TextField("Title");
    final TextArea body = new TextArea("Body");
    final TextField tags = new TextField("Tags (comma-separated)");
    final TextField language = new TextField("Language");
    final Checkbox published = new Checkbox("Published", true);
    final Button save = new Button("Save article");
    final Button clear = new Button("New article");
    private final KnowledgeBase knowledge;
    private Long editing;

    KnowledgeBaseView(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        setSizeFull();
        articles.setId("knowledge-articles");
        articles.addColumn(ArticleView::title).setHeader("Title").setFlexGrow(1);
        articles.addColumn(a -> String.join(", ", a.tags())).setHeader("Tags").setAutoWidth(true);
        articles.addColumn(ArticleView::language).setHeader("Language").setAutoWidth(true);
        articles.addColumn(a -> a.published() ? "published" : "draft").setHeader("State").setAutoWidth(true);
        articles.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        articles.setHeight("40%");
        body.setWidthFull();
        body.setMinHeight("12em");
        title.setWidthFull();
        language.setValue("en");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        clear.addClickListener(e -> edit(null));
        refresh();
        add(new H3("Knowledge base"), articles, title, body, new HorizontalLayout(tags, language, published),
                new HorizontalLayout(save, clear));
    }

    private void edit(ArticleView article) {
        editing = article == null ? null : article.id();
        title.setValue(article == null ? "" : article.title());
        body.setValue(article == null ? "" : article.body());
        tags.setValue(article == null ? "" : String.join(", ", article.tags()));
        language.setValue(article == null ? "en" : article.language());
        published.setValue(article == null || article.published());
    }

    void save() {
        try {
            knowledge.save(editing, title.getValue(), body.getValue(), Arrays.asList(tags.getValue().split(",")),
                    language.getValue(), published.getValue());
            Notification.show("Article saved");
            edit(null);
            refresh();
        } catch (IllegalArgumentException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        articles.setItems(knowledge.list());
    }
}
