#include "PlainText.h"

#include <QTextDocument>

namespace Dps::Ui {

QString plainToolTip(const QString &text)
{
    // Escaped and wrapped in <p>: rich text whose every character shows as typed, wrapped like any tooltip.
    return text.isEmpty() ? text : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace Dps::Ui
