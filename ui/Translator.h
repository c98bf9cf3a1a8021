#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace Dps {

// Installs our catalogue (embedded under :/i18n) and Qt's own for the first of the locale's UI
// languages that we ship, falling back to English: the idea of KeePassXC's Translator. Qt's
// catalogue follows the language picked for ours, so dialogs never mix two languages. Installing
// again replaces the previous languages; destroying the Translator removes them.
class Translator
{
public:
    // Returns the language installed, such as "de"; "en" when none of the locale's languages is
    // available; empty if not even the English catalogue could be loaded.
    QString install(const QLocale &locale = QLocale());

private:
    void uninstall();

    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace Dps
