#include "FieldMessage.h"

#include <QEvent>
#include <QStyle>

namespace Dps::Ui {

void wrapText(QLabel *label)
{
    label->setWordWrap(true);
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 40);
    // Any height beyond its lines goes below the text, so a note stays next to the field it explains.
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

namespace {
QString iconFile(Status status)
{
    switch (status) {
    case Status::Busy:
        return QStringLiteral("busy");
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Info:
        return QStringLiteral("info");
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Error:
        return QStringLiteral("error");
    case Status::Stopped:
        return QStringLiteral("stopped");
    case Status::None:
        break;
    }
    return {};
}
} // namespace

FieldMessage::FieldMessage(QWidget *field, QWidget *parent)
    : QLabel(parent)
    , m_field(field)
{
    wrapText(this);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    reserveLine();
}

// The line is there even while it is empty: a message that comes while the person types must not push
// the fields below it down (their click would land on something else). Longer messages wrap and grow.
void FieldMessage::reserveLine()
{
    // As high as a one-line message with its icon, measured as this label lays one out.
    setMinimumHeight(0);
    QLabel::setText(html(Status::Ok, QStringLiteral("X")));
    const int line = sizeHint().height();
    render();
    setMinimumHeight(line);
}

void FieldMessage::setMessage(Status status, const QString &text)
{
    m_status = status;
    m_plainText = text;
    setAccessibleName(text);
    if (m_field)
        m_field->setAccessibleDescription(text);
    render();
}

void FieldMessage::clear()
{
    setMessage(Status::None, QString());
}

void FieldMessage::render()
{
    QLabel::setText(m_plainText.isEmpty() ? QString() : html(m_status, m_plainText));
}

QString FieldMessage::html(Status status, const QString &text) const
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QString icon = iconFile(status);
    const QString image = icon.isEmpty() ? QString()
                                         : QStringLiteral("<img src=\":/icons/%1.svg\" width=\"%2\" height=\"%2\" "
                                                          "style=\"vertical-align: middle\">&nbsp;")
                                               .arg(icon)
                                               .arg(size);
    const QString color = statusTextColor(status, palette()).name();
    return QStringLiteral("%1<span style=\"color: %2\">%3</span>").arg(image, color, text.toHtmlEscaped());
}

void FieldMessage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        render();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        reserveLine();
    QLabel::changeEvent(event);
}

} // namespace Dps::Ui
