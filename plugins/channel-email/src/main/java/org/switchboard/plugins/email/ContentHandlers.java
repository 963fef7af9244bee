package org.switchboard.plugins.email;

import jakarta.activation.CommandMap;
import jakarta.activation.MailcapCommandMap;
import org.eclipse.angus.mail.handlers.message_rfc822;
import org.eclipse.angus.mail.handlers.multipart_mixed;
import org.eclipse.angus.mail.handlers.text_html;
import org.eclipse.angus.mail.handlers.text_plain;
import org.eclipse.angus.mail.handlers.text_xml;

/**
 * Registers Jakarta Mail's content handlers by class literal.
 *
 * <p>Angus Mail declares them in a {@code META-INF/mailcap} text file by class name. The plugin ships Jakarta
 * Activation and Angus Mail relocated, and the shade plugin does not rewrite class names inside text files, so
 * inside the plugin JAR that file names classes that do not exist and writing any multipart message fails with
 * "no object DCH for MIME type multipart/...". Class literals are relocated with the library. Programmatic entries
 * take precedence over every mailcap file; the command map is the relocated Activation's own, so the host's is
 * untouched.
 */
final class ContentHandlers {

    private static volatile boolean installed;

    private ContentHandlers() {
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (ContentHandlers.class) {
            if (installed) {
                return;
            }
            MailcapCommandMap map = new MailcapCommandMap();
            map.addMailcap("text/plain;; x-java-content-handler=" + text_plain.class.getName());
            map.addMailcap("text/html;; x-java-content-handler=" + text_html.class.getName());
            map.addMailcap("text/xml;; x-java-content-handler=" + text_xml.class.getName());
            map.addMailcap("multipart/*;; x-java-content-handler=" + multipart_mixed.class.getName()
                    + "; x-java-fallback-entry=true");
            map.addMailcap("message/rfc822;; x-java-content-handler=" + message_rfc822.class.getName());
            CommandMap.setDefaultCommandMap(map);
            installed = true;
        }
    }
}
