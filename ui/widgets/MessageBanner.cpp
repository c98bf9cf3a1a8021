#include "MessageBanner.h"

#include "CopyField.h"
#include "FieldMessage.h"
#include "arm/ArmError.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Dps::Ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_copyDetails(new QPushButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("bannerText"));
    wrapText(m_text);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText); // the text may come from a server: never rendered as HTML
    m_icon->setAlignment(Qt::AlignTop);
    m_copyDetails->setObjectName(QStringLiteral("copyDetailsButton"));
    m_copyDetails->setText(tr("Cop&y details"));
    m_copyDetails->setAccessibleName(tr("Copy the error details"));
    m_copyDetails->setToolTip(tr("Copies the error code, message and request ids, for a support request."));
    connect(m_copyDetails, &QPushButton::clicked, this, [this] { copyToClipboard(m_details); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1, Qt::AlignTop);
    m_buttons->addStretch();
    m_buttons->addWidget(m_copyDetails);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(m_buttons);
    setVisible(false);
}

void MessageBanner::showMessage(Status status, const QString &text, const QString &details)
{
    m_status = status;
    m_details = details;
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this) * 2 / 3;
    m_icon->setPixmap(statusIcon(status).pixmap(size, size));
    m_text->setText(text);
    setAccessibleName(text);
    m_copyDetails->setVisible(!details.isEmpty());
    applyColors();
    setVisible(!text.isEmpty());
}

void MessageBanner::showError(const Arm::ArmError &error, const QString &fix, const QString &headline)
{
    QString text = error.userMessage();
    if (!headline.isEmpty())
        text = tr("%1\n%2").arg(headline, text);
    if (!fix.isEmpty())
        text = tr("%1\n\nWhat to do: %2").arg(text, fix);
    showMessage(Status::Error, text, error.technicalDetails());
}

QPushButton *MessageBanner::addAction(const QString &text, const std::function<void()> &onClicked)
{
    auto *button = new QPushButton(text, this);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    connect(button, &QPushButton::clicked, this, onClicked);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    m_actions.append(button);
    return button;
}

void MessageBanner::clearActions()
{
    qDeleteAll(m_actions);
    m_actions.clear();
}

void MessageBanner::clear()
{
    clearActions();
    showMessage(Status::None, QString());
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::applyColors()
{
    QPalette p = palette();
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    QColor background = base.color(QPalette::Window);
    const bool dark = isDarkPalette(base);
    QColor tint;
    switch (m_status) {
    case Status::Error:
        tint = QColor(0xd9, 0x36, 0x3e);
        break;
    case Status::Warning:
        tint = QColor(0xe8, 0xa3, 0x17);
        break;
    case Status::Ok:
        tint = QColor(0x2f, 0x9e, 0x44);
        break;
    default:
        tint = QColor(0x2f, 0x74, 0xd0);
        break;
    }
    // A light wash of the status colour over the window colour: readable in both palettes.
    const qreal a = dark ? 0.22 : 0.12;
    background = QColor::fromRgbF(background.redF() * (1 - a) + tint.redF() * a, background.greenF() * (1 - a) + tint.greenF() * a,
                                  background.blueF() * (1 - a) + tint.blueF() * a);
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(p);
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::StyleChange)
        applyColors();
    QFrame::changeEvent(event);
}

} // namespace Dps::Ui
